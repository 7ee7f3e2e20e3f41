package io.cairn.orgcli;

import io.cairn.orgcli.model.Session;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where {@link OrgClient} keeps its session between calls: the config file for the command line
 * ({@link SessionFile}), memory for programs that drive the client in-process (the demo).
 * Implementations save every rotation of the refresh token at once; a lost rotation means the next
 * refresh fails and the user logs in again.
 */
public interface TokenStore {
  /** The stored session, if any. */
  Optional<Session> load();

  /** Replaces the stored session. */
  void save(Session session);

  /** Forgets the session (logout). */
  void clear();

  /**
   * Runs {@code action} while no other user of the same store (thread or process) runs one: a
   * refresh reads the stored session, exchanges its refresh token and saves the result as one step,
   * so two refreshes never spend the same refresh token (which the server treats as a replay and
   * answers by revoking the session).
   */
  default <T> T exclusively(java.util.function.Supplier<T> action) {
    synchronized (this) {
      return action.get();
    }
  }

  /** A store that lives in memory only. */
  static TokenStore inMemory() {
    AtomicReference<Session> ref = new AtomicReference<>();
    return new TokenStore() {
      @Override
      public Optional<Session> load() {
        return Optional.ofNullable(ref.get());
      }

      @Override
      public void save(Session session) {
        ref.set(session);
      }

      @Override
      public void clear() {
        ref.set(null);
      }
    };
  }
}
