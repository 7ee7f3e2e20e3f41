package io.cairn.cairo.air.constraints;

import io.cairn.air.EvaluationFrame;
import io.cairn.cairo.air.RangeCheckArgument;
import io.cairn.math.Felt;
import java.util.Collections;
import java.util.List;

/**
 * The sorted values of one range-check argument (whitepaper §9.9): consecutive sorted values differ
 * by 0 or 1. With the first equal to the argument's min and the last to its max (boundary
 * assertions, both in [0, 2^16)), every value lies in that range. {@link #product} is the matching
 * running product.
 */
public final class RangeCheckConstraints implements ConstraintFamily {

  private final RangeCheckArgument argument;

  /** The constraints of one argument. */
  public RangeCheckConstraints(RangeCheckArgument argument) {
    this.argument = argument;
  }

  /** The argument's running product. */
  public static RunningProduct product(RangeCheckArgument argument) {
    SortedSlots slots =
        new SortedSlots() {
          @Override
          public int slots() {
            return argument.slots();
          }

          @Override
          public Felt unsorted(EvaluationFrame f, Felt[] ch, int slot) {
            return f.current(argument.column(slot));
          }

          @Override
          public Felt sorted(EvaluationFrame f, Felt[] ch, int slot) {
            return f.auxCurrent(argument.sorted(slot));
          }
        };
    return new RunningProduct(
        "range-check-product[" + argument.name() + "]",
        slots,
        argument::product,
        CairoChallenges.RANGE_CHECK_Z);
  }

  @Override
  public String name() {
    return "range-check[" + argument.name() + "]";
  }

  @Override
  public List<Integer> degrees() {
    return Collections.nCopies(argument.slots(), 2);
  }

  @Override
  public void evaluate(EvaluationFrame f, Felt[] challenges, Felt[] out, int offset) {
    int k = argument.slots();
    for (int j = 0; j < k; j++) {
      Felt value = f.auxCurrent(argument.sorted(j));
      Felt nextValue =
          j + 1 < k ? f.auxCurrent(argument.sorted(j + 1)) : f.auxNext(argument.sorted(0));
      Felt step = nextValue.sub(value);
      out[offset + j] = step.mul(step.sub(Felt.ONE));
    }
  }
}
