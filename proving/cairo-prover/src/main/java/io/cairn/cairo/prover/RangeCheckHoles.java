package io.cairn.cairo.prover;

import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import java.util.List;

/**
 * Fills a range-check argument's hole column with every value missing between its smallest and
 * largest value, so that the sorted values step by 0 or 1; spare rows repeat the minimum.
 */
final class RangeCheckHoles {

  private RangeCheckHoles() {}

  /**
   * Fills the column and returns {rc_min, rc_max}, or null if the holes need more than n − 1 rows.
   *
   * @param counts how often each value occurs among the argument's other values in rows 0..n−2
   */
  static int[] fill(List<FeltVector> main, int n, int[] counts, int holeColumn) {
    int min = 0;
    while (counts[min] == 0) {
      min++;
    }
    int max = counts.length - 1;
    while (counts[max] == 0) {
      max--;
    }
    FeltVector column = main.get(holeColumn);
    Felt minFelt = Felt.of(min);
    int r = 0;
    for (int v = min; v <= max; v++) {
      if (counts[v] == 0) {
        if (r >= n - 1) {
          return null;
        }
        column.set(r++, Felt.of(v));
      }
    }
    for (; r < n; r++) {
      column.set(r, minFelt);
    }
    return new int[] {min, max};
  }
}
