package io.cairn.cairo.prover;

import static io.cairn.cairo.air.CairoColumns.AP;
import static io.cairn.cairo.air.CairoColumns.DST;
import static io.cairn.cairo.air.CairoColumns.DST_ADDR;
import static io.cairn.cairo.air.CairoColumns.FLAGS;
import static io.cairn.cairo.air.CairoColumns.FP;
import static io.cairn.cairo.air.CairoColumns.INST;
import static io.cairn.cairo.air.CairoColumns.MUL;
import static io.cairn.cairo.air.CairoColumns.OFF_DST;
import static io.cairn.cairo.air.CairoColumns.OFF_OP0;
import static io.cairn.cairo.air.CairoColumns.OFF_OP1;
import static io.cairn.cairo.air.CairoColumns.OP0;
import static io.cairn.cairo.air.CairoColumns.OP0_ADDR;
import static io.cairn.cairo.air.CairoColumns.OP1;
import static io.cairn.cairo.air.CairoColumns.OP1_ADDR;
import static io.cairn.cairo.air.CairoColumns.PC;
import static io.cairn.cairo.air.CairoColumns.RES;
import static io.cairn.cairo.air.CairoColumns.T0;
import static io.cairn.cairo.air.CairoColumns.T1;

import io.cairn.cairo.air.Flag;
import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import java.util.List;

/**
 * Fills the CPU columns of one row from its registers and the memory: decodes the instruction into
 * flag prefixes and biased offsets, computes the operand addresses, reads the operands and derives
 * res, t0, t1 and mul.
 */
final class StepColumns {

  private static final long BIAS = 1L << 15;

  private StepColumns() {}

  /**
   * Writes row {@code row} for the state (pc, ap, fp); returns the three biased offsets and the
   * dst, op0 and op1 addresses.
   */
  static long[] fill(
      List<FeltVector> main, int row, long pc, long ap, long fp, RelocatedMemory memory) {
    Felt inst = memory.require(pc);
    long word;
    try {
      word = inst.toLongExact();
    } catch (ArithmeticException e) {
      throw new IllegalStateException("instruction at " + pc + " does not fit in 63 bits", e);
    }
    int offDst = (int) (word & 0xFFFF);
    int offOp0 = (int) ((word >>> 16) & 0xFFFF);
    int offOp1 = (int) ((word >>> 32) & 0xFFFF);
    long flags = word >>> 48;
    for (int i = 0; i < Flag.PREFIX_COLUMNS; i++) {
      main.get(FLAGS + i).set(row, Felt.of(flags >>> i));
    }
    long dstAddr = (bit(flags, Flag.DST_REG) ? fp : ap) + offDst - BIAS;
    long op0Addr = (bit(flags, Flag.OP0_REG) ? fp : ap) + offOp0 - BIAS;
    Felt op0 = memory.require(op0Addr);
    long op1Base;
    if (bit(flags, Flag.OP1_IMM)) {
      op1Base = pc;
    } else if (bit(flags, Flag.OP1_AP)) {
      op1Base = ap;
    } else if (bit(flags, Flag.OP1_FP)) {
      op1Base = fp;
    } else {
      op1Base = op0.toLongExact();
    }
    long op1Addr = op1Base + offOp1 - BIAS;
    Felt dst = memory.require(dstAddr);
    Felt op1 = memory.require(op1Addr);
    Felt mul = op0.mul(op1);
    Felt res;
    if (bit(flags, Flag.PC_JNZ)) {
      res = dst.isZero() ? Felt.ZERO : dst.inverse();
    } else if (bit(flags, Flag.RES_ADD)) {
      res = op0.add(op1);
    } else if (bit(flags, Flag.RES_MUL)) {
      res = mul;
    } else {
      res = op1;
    }
    Felt t0 = bit(flags, Flag.PC_JNZ) ? dst : Felt.ZERO;
    set(main, row, PC, Felt.of(pc), AP, Felt.of(ap), FP, Felt.of(fp), INST, inst);
    set(main, row, DST_ADDR, Felt.of(dstAddr), OP0_ADDR, Felt.of(op0Addr));
    set(main, row, OP1_ADDR, Felt.of(op1Addr), DST, dst, OP0, op0, OP1, op1);
    set(main, row, OFF_DST, Felt.of(offDst), OFF_OP0, Felt.of(offOp0), OFF_OP1, Felt.of(offOp1));
    set(main, row, RES, res, T0, t0, T1, t0.mul(res), MUL, mul);
    return new long[] {offDst, offOp0, offOp1, dstAddr, op0Addr, op1Addr};
  }

  private static boolean bit(long flags, Flag flag) {
    return ((flags >>> flag.bit()) & 1) == 1;
  }

  private static void set(List<FeltVector> main, int row, Object... columnValuePairs) {
    for (int i = 0; i < columnValuePairs.length; i += 2) {
      main.get((Integer) columnValuePairs[i]).set(row, (Felt) columnValuePairs[i + 1]);
    }
  }
}
