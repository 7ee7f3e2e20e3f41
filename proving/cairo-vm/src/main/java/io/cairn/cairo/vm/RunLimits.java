package io.cairn.cairo.vm;

import java.time.Duration;

/**
 * Bounds on a run. Exceeding one stops the run with a {@link LimitExceededException}. The step and
 * cell limits are deterministic; the wall-clock limit is checked every {@code clockCheckInterval}
 * steps against the runner's clock.
 *
 * @param maxSteps maximum number of steps, padding included
 * @param maxMemoryCells maximum number of written memory cells
 * @param wallClock maximum run time, or null for none
 * @param clockCheckInterval steps between wall-clock checks
 */
public record RunLimits(
    long maxSteps, long maxMemoryCells, Duration wallClock, long clockCheckInterval) {

  /** No practical limit: 2^40 steps, 2^31 cells, no clock. */
  public static final RunLimits NONE = new RunLimits(1L << 40, 1L << 31, null, 1 << 16);

  /** Validates the bounds. */
  public RunLimits {
    if (maxSteps <= 0 || maxMemoryCells <= 0 || clockCheckInterval <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** These limits with a different step limit. */
  public RunLimits withMaxSteps(long steps) {
    return new RunLimits(steps, maxMemoryCells, wallClock, clockCheckInterval);
  }

  /** These limits with a different memory-cell limit. */
  public RunLimits withMaxMemoryCells(long cells) {
    return new RunLimits(maxSteps, cells, wallClock, clockCheckInterval);
  }

  /** These limits with a wall-clock budget. */
  public RunLimits withWallClock(Duration budget) {
    return new RunLimits(maxSteps, maxMemoryCells, budget, clockCheckInterval);
  }
}
