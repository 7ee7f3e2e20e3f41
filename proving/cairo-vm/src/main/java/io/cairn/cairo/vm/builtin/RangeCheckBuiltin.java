package io.cairn.cairo.vm.builtin;

import io.cairn.cairo.vm.Relocatable;
import io.cairn.cairo.vm.program.BuiltinName;
import io.cairn.math.Felt;
import java.math.BigInteger;

/** The range_check builtin: every value written into its segment must be a felt below 2^128. */
public final class RangeCheckBuiltin implements BuiltinRunner {
  /** The bound, 2^128 ({@code range_check_builtin.bound} in hints). */
  public static final BigInteger BOUND = BigInteger.ONE.shiftLeft(128);

  @Override
  public BuiltinName name() {
    return BuiltinName.RANGE_CHECK;
  }

  @Override
  public int cellsPerInstance() {
    return 1;
  }

  @Override
  public void validate(Relocatable address, Object value) {
    if (!(value instanceof Felt f)) {
      throw new BuiltinViolationException(
          "range_check: cell " + address + " must hold a felt, got pointer " + value);
    }
    byte[] le = f.toBytesLE();
    for (int i = 16; i < 32; i++) {
      if (le[i] != 0) {
        throw new BuiltinViolationException(
            "range_check: value " + f + " at " + address + " is not below 2^128");
      }
    }
  }
}
