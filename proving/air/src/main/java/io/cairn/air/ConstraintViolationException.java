package io.cairn.air;

/**
 * Thrown by {@link TraceChecker} when a trace breaks a constraint; names the constraint and row.
 */
public final class ConstraintViolationException extends Exception {

  private final String constraint;
  private final int row;

  /** A violation of {@code constraint} at {@code row}. */
  public ConstraintViolationException(String constraint, int row) {
    super(constraint + " fails at row " + row);
    this.constraint = constraint;
    this.row = row;
  }

  /** Which constraint failed. */
  public String constraint() {
    return constraint;
  }

  /** The first row where it failed. */
  public int row() {
    return row;
  }
}
