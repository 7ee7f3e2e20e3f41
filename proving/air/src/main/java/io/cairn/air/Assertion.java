package io.cairn.air;

import io.cairn.math.Felt;

/**
 * A boundary constraint: the cell at ({@code column}, {@code row}) of the main or aux trace equals
 * {@code value}.
 *
 * @param aux whether {@code column} indexes the aux columns
 * @param column the column within its segment
 * @param row the row, any row of the trace (e.g. the first, the last real step or the last)
 * @param value the required value
 */
public record Assertion(boolean aux, int column, int row, Felt value) {

  /** An assertion on a main column. */
  public static Assertion main(int column, int row, Felt value) {
    return new Assertion(false, column, row, value);
  }

  /** An assertion on an aux column. */
  public static Assertion aux(int column, int row, Felt value) {
    return new Assertion(true, column, row, value);
  }

  /** The index of the column in a row holding main columns then aux columns. */
  public int rowIndex(int mainWidth) {
    return aux ? mainWidth + column : column;
  }
}
