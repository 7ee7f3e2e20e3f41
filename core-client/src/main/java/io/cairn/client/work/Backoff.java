package io.cairn.client.work;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with jitter, capped: after the n-th failure in a row the wait is {@code min
 * * 2^(n-1)}, capped at {@code max}, then scaled by a random factor in [0.5, 1) so that many hosts
 * that failed together do not come back together.
 */
public final class Backoff {
  private final Duration min;
  private final Duration max;
  private final RandomGenerator random;

  /** A back-off from {@code min} to {@code max}. */
  public Backoff(Duration min, Duration max, RandomGenerator random) {
    this.min = min;
    this.max = max;
    this.random = random;
  }

  /** The wait after {@code failures} (>= 1) failures in a row, in milliseconds. */
  public long delayMillis(int failures) {
    double base = min.toMillis() * Math.pow(2, Math.min(40, Math.max(0, failures - 1)));
    double capped = Math.min(base, max.toMillis());
    return (long) (capped * (0.5 + random.nextDouble() * 0.5));
  }
}
