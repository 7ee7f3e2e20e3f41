package io.cairn.daemon;

/**
 * What one pass of a daemon did.
 *
 * @param itemsDone items handled in this pass (0 means idle: the loop sleeps before the next pass)
 * @param backlog items that were due but left for later passes, as far as the daemon knows (0 if it
 *     does not count); written to the heartbeat row so operators see a daemon falling behind
 */
public record PassResult(long itemsDone, long backlog) {
  public PassResult {
    if (itemsDone < 0 || backlog < 0) {
      throw new IllegalArgumentException("negative pass result: " + itemsDone + ", " + backlog);
    }
  }

  /** Nothing was due. */
  public static PassResult idle() {
    return new PassResult(0, 0);
  }

  /** {@code n} items handled, no backlog known. */
  public static PassResult did(long n) {
    return new PassResult(n, 0);
  }

  /** This result plus {@code other}: items and backlogs add up. */
  public PassResult plus(PassResult other) {
    return new PassResult(itemsDone + other.itemsDone, backlog + other.backlog);
  }
}
