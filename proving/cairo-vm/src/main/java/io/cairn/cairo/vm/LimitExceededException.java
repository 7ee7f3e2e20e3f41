package io.cairn.cairo.vm;

/**
 * A run stopped because it reached one of its configured limits. Deterministic for steps and cells.
 */
public final class LimitExceededException extends VmException {
  /** Which limit was reached. */
  public enum Limit {
    /** The step count reached {@code RunLimits.maxSteps}. */
    STEPS,
    /** The number of written memory cells exceeded {@code RunLimits.maxMemoryCells}. */
    MEMORY_CELLS,
    /** The wall-clock budget ran out (checked every {@code RunLimits.clockCheckInterval} steps). */
    WALL_CLOCK
  }

  private final Limit limit;

  /** Creates the failure. */
  public LimitExceededException(Limit limit, String message) {
    super(message);
    this.limit = limit;
  }

  /** The limit that was reached. */
  public Limit limit() {
    return limit;
  }
}
