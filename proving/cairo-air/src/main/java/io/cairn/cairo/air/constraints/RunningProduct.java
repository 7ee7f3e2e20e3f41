package io.cairn.cairo.air.constraints;

import io.cairn.air.EvaluationFrame;
import io.cairn.math.Felt;
import java.util.Collections;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The running product of a permutation argument (whitepaper §9.7): aux column {@code q_j} holds the
 * product over all earlier slots of {@code (z − u)/(z − s)}, u unsorted and s sorted, so
 *
 * <pre>
 *   q_(j+1)·(z − s_j) = q_j·(z − u_j)          within a row,
 *   q_0'·(z − s_(k−1)) = q_(k−1)·(z − u_(k−1))  into the next row.
 * </pre>
 *
 * With {@code q_0 = 1} on the first row, {@code q_0} of the last row is the product over every slot
 * of rows 0..n−2; the AIR pins it with a boundary assertion.
 */
public final class RunningProduct implements ConstraintFamily {

  private final String name;
  private final SortedSlots slots;
  private final IntUnaryOperator productColumn;
  private final int zChallenge;

  RunningProduct(String name, SortedSlots slots, IntUnaryOperator productColumn, int zChallenge) {
    this.name = name;
    this.slots = slots;
    this.productColumn = productColumn;
    this.zChallenge = zChallenge;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Integer> degrees() {
    return Collections.nCopies(slots.slots(), 2);
  }

  @Override
  public void evaluate(EvaluationFrame f, Felt[] challenges, Felt[] out, int offset) {
    Felt z = challenges[zChallenge];
    int k = slots.slots();
    for (int j = 0; j < k; j++) {
      Felt before = f.auxCurrent(productColumn.applyAsInt(j));
      Felt after =
          j + 1 < k
              ? f.auxCurrent(productColumn.applyAsInt(j + 1))
              : f.auxNext(productColumn.applyAsInt(0));
      Felt numerator = z.sub(slots.unsorted(f, challenges, j));
      Felt denominator = z.sub(slots.sorted(f, challenges, j));
      out[offset + j] = after.mul(denominator).sub(before.mul(numerator));
    }
  }
}
