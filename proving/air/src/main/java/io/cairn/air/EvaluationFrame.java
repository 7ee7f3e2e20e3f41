package io.cairn.air;

import io.cairn.math.Felt;

/**
 * The two consecutive rows a transition constraint reads: {@code current} at x and {@code next} at
 * g·x, each holding the main columns followed by the aux columns.
 *
 * <p>Mutable and reused: the prover refills one frame per thread for every LDE point, the verifier
 * fills one at the out-of-domain point.
 */
public final class EvaluationFrame {

  private final int mainWidth;
  private final Felt[] current;
  private final Felt[] next;

  /** An empty frame for traces of the given widths. */
  public EvaluationFrame(int mainWidth, int auxWidth) {
    this.mainWidth = mainWidth;
    this.current = new Felt[mainWidth + auxWidth];
    this.next = new Felt[mainWidth + auxWidth];
  }

  /** Main column {@code column} of the current row. */
  public Felt current(int column) {
    return current[column];
  }

  /** Main column {@code column} of the next row. */
  public Felt next(int column) {
    return next[column];
  }

  /** Aux column {@code column} of the current row. */
  public Felt auxCurrent(int column) {
    return current[mainWidth + column];
  }

  /** Aux column {@code column} of the next row. */
  public Felt auxNext(int column) {
    return next[mainWidth + column];
  }

  /** The current row, main then aux columns, for the engine to fill. */
  public Felt[] currentRow() {
    return current;
  }

  /** The next row, main then aux columns, for the engine to fill. */
  public Felt[] nextRow() {
    return next;
  }
}
