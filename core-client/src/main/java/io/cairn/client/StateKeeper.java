package io.cairn.client;

import io.cairn.client.state.ClientState;
import io.cairn.client.state.StateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one in-memory {@link ClientState} and its file. Every access holds this object's lock; {@link
 * #update} persists before it returns (phase changes, reports, attach), {@link #touch} only marks
 * the state dirty (progress, elapsed time) for the next {@link #flushIfDirty}.
 */
final class StateKeeper {
  private final StateStore<ClientState> store;
  private final ClientState state;
  private boolean dirty;
  private boolean closed;

  StateKeeper(StateStore<ClientState> store) {
    this.store = store;
    this.state = store.load().orElseGet(ClientState::new);
  }

  synchronized <T> T read(Function<ClientState, T> f) {
    return f.apply(state);
  }

  /** Changes the state and writes it to disk (ignored once closed). */
  synchronized void update(Consumer<ClientState> f) {
    if (closed) {
      return;
    }
    f.accept(state);
    save();
  }

  /** Changes the state; it is written at the next flush (ignored once closed). */
  synchronized void touch(Consumer<ClientState> f) {
    if (closed) {
      return;
    }
    f.accept(state);
    dirty = true;
  }

  synchronized void flushIfDirty() {
    if (dirty && !closed) {
      save();
    }
  }

  /**
   * Writes the state one last time and refuses every later change: a worker still finishing a
   * prover stage after its client closed must not write into a directory that another client may
   * already be using.
   */
  synchronized void close() {
    flushIfDirty();
    closed = true;
  }

  private void save() {
    try {
      store.save(state);
      dirty = false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the state file " + store.file(), e);
    }
  }
}
