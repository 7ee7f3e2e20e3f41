package io.cairn.cairo.prover;

import io.cairn.cairo.air.CairoAir;
import io.cairn.cairo.air.CairoColumns;
import io.cairn.cairo.air.CairoStatement;
import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import java.math.BigInteger;
import java.util.BitSet;
import java.util.List;

/**
 * Fills the range_check builtin columns: row r holds the segment's cell {@code min(r, count − 1)}
 * (an unwritten cell reads as 0) and its eight 16-bit limbs, which join the range-check values.
 */
final class RangeCheckBuiltinColumns {

  private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(128);

  private RangeCheckBuiltinColumns() {}

  /** Fills the columns; returns false if the segment has more cells than n − 1 rows. */
  static boolean fill(
      CairoStatement statement,
      List<FeltVector> main,
      RelocatedMemory memory,
      BitSet accessed,
      int[] limbCounts) {
    int n = main.get(0).length();
    long[] span = CairoAir.rangeCheckBuiltinSpan(statement);
    long count = span[1] - span[0] + 1;
    if (count > n - 1) {
      return false;
    }
    for (int r = 0; r < n; r++) {
      long address = span[0] + Math.min(r, count - 1);
      Felt value = memory.get(address);
      if (value == null) {
        value = Felt.ZERO;
      }
      BigInteger v = value.toBigInteger();
      if (v.compareTo(LIMIT) >= 0) {
        throw new IllegalStateException("range_check cell " + address + " is not below 2^128");
      }
      main.get(CairoColumns.RC_BUILTIN_ADDR).set(r, Felt.of(address));
      main.get(CairoColumns.RC_BUILTIN_VALUE).set(r, value);
      for (int k = 0; k < CairoColumns.LIMBS; k++) {
        int limb = v.shiftRight(16 * k).intValue() & 0xFFFF;
        main.get(CairoColumns.RC_BUILTIN_LIMBS + k).set(r, Felt.of(limb));
        if (r < n - 1) {
          limbCounts[limb]++;
        }
      }
      if (r < n - 1) {
        accessed.set((int) address);
      }
    }
    return true;
  }
}
