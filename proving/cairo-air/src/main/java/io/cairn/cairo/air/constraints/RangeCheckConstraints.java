package io.cairn.cairo.air.constraints;

import io.cairn.air.EvaluationFrame;
import io.cairn.cairo.air.CairoColumns;
import io.cairn.math.Felt;
import java.util.Collections;
import java.util.List;

/**
 * The sorted range-checked values (whitepaper §9.9): consecutive sorted values differ by 0 or 1.
 * With the first equal to {@code rc_min} and the last to {@code rc_max} (boundary assertions, both
 * in [0, 2^16)), every value lies in that range. {@link #product} is the matching running product.
 */
public final class RangeCheckConstraints implements ConstraintFamily {

  private final CairoColumns columns;

  /** The range-check constraints of a layout. */
  public RangeCheckConstraints(CairoColumns columns) {
    this.columns = columns;
  }

  /** The range-check permutation's running product. */
  public static RunningProduct product(CairoColumns columns) {
    SortedSlots slots =
        new SortedSlots() {
          @Override
          public int slots() {
            return columns.rangeCheckSlots();
          }

          @Override
          public Felt unsorted(EvaluationFrame f, Felt[] ch, int slot) {
            return f.current(columns.rangeChecked(slot));
          }

          @Override
          public Felt sorted(EvaluationFrame f, Felt[] ch, int slot) {
            return f.auxCurrent(columns.sortedRangeChecked(slot));
          }
        };
    return new RunningProduct(
        "range-check-product", slots, columns::rangeCheckProduct, CairoChallenges.RANGE_CHECK_Z);
  }

  @Override
  public String name() {
    return "range-check";
  }

  @Override
  public List<Integer> degrees() {
    return Collections.nCopies(columns.rangeCheckSlots(), 2);
  }

  @Override
  public void evaluate(EvaluationFrame f, Felt[] challenges, Felt[] out, int offset) {
    int k = columns.rangeCheckSlots();
    for (int j = 0; j < k; j++) {
      Felt value = f.auxCurrent(columns.sortedRangeChecked(j));
      Felt nextValue =
          j + 1 < k
              ? f.auxCurrent(columns.sortedRangeChecked(j + 1))
              : f.auxNext(columns.sortedRangeChecked(0));
      Felt step = nextValue.sub(value);
      out[offset + j] = step.mul(step.sub(Felt.ONE));
    }
  }
}
