package io.cairn.cairo.air.constraints;

import static io.cairn.cairo.air.CairoColumns.LIMBS;
import static io.cairn.cairo.air.CairoColumns.RC_BUILTIN_ADDR;
import static io.cairn.cairo.air.CairoColumns.RC_BUILTIN_LIMBS;
import static io.cairn.cairo.air.CairoColumns.RC_BUILTIN_VALUE;

import io.cairn.air.EvaluationFrame;
import io.cairn.math.Felt;
import java.util.List;

/**
 * The range_check builtin: each row holds one builtin cell (address, value), the value is the sum
 * of eight limbs times {@code 2^(16k)}, and the limbs go through the range-check argument, so the
 * value is below 2^128. Consecutive rows' addresses differ by 0 or 1; with boundary assertions on
 * the first row (segment start) and on the last proven row (segment end − 1), every cell of the
 * segment is checked and nothing outside it.
 */
public final class RangeCheckBuiltinConstraints implements ConstraintFamily {

  private static final Felt[] LIMB_WEIGHTS = new Felt[LIMBS];

  static {
    for (int k = 0; k < LIMBS; k++) {
      LIMB_WEIGHTS[k] = Felt.TWO.pow(16L * k);
    }
  }

  @Override
  public String name() {
    return "range-check-builtin";
  }

  @Override
  public List<Integer> degrees() {
    return List.of(1, 2);
  }

  @Override
  public void evaluate(EvaluationFrame f, Felt[] challenges, Felt[] out, int offset) {
    Felt sum = Felt.ZERO;
    for (int k = 0; k < LIMBS; k++) {
      sum = sum.add(f.current(RC_BUILTIN_LIMBS + k).mul(LIMB_WEIGHTS[k]));
    }
    out[offset] = sum.sub(f.current(RC_BUILTIN_VALUE));
    Felt step = f.next(RC_BUILTIN_ADDR).sub(f.current(RC_BUILTIN_ADDR));
    out[offset + 1] = step.mul(step.sub(Felt.ONE));
  }
}
