package io.cairn.daemon;

import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles the items of one pass one at a time. An item that throws is logged with its description
 * and skipped: one bad item never stops a daemon. Between items the loop checks the stop signal, so
 * a shutdown finishes the current item and leaves the rest for the next start.
 */
public final class ItemLoop {
  private static final Logger log = LoggerFactory.getLogger(ItemLoop.class);

  private final String daemon;
  private final StopSignal stop;

  ItemLoop(String daemon, StopSignal stop) {
    this.daemon = daemon;
    this.stop = stop;
  }

  /** What happened to the items of one call. */
  public record Outcome(int done, int failed, int left) {
    /** Items done plus items failed: both count as handled in this pass. */
    public int handled() {
      return done + failed;
    }
  }

  /**
   * Runs {@code work} on each item in turn.
   *
   * @param describe names an item in the log ("upload 42 (lease 17)")
   */
  public <T> Outcome forEach(
      Iterable<T> items, Function<? super T, String> describe, Consumer<? super T> work) {
    int done = 0;
    int failed = 0;
    int left = 0;
    for (T item : items) {
      if (stop.isRaised()) {
        left++;
        continue;
      }
      try {
        work.accept(item);
        done++;
      } catch (RuntimeException e) {
        failed++;
        log.error("{}: {} failed, skipped: {}", daemon, describe.apply(item), e.toString(), e);
      }
    }
    return new Outcome(done, failed, left);
  }
}
