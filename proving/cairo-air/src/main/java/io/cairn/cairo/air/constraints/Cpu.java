package io.cairn.cairo.air.constraints;

import io.cairn.air.EvaluationFrame;
import io.cairn.cairo.air.CairoColumns;
import io.cairn.cairo.air.Flag;
import io.cairn.math.Felt;

/** Reads the derived CPU quantities of a row (flag bits, instruction size) from its columns. */
final class Cpu {

  static final Felt TWO_POW_15 = Felt.of(1L << 15);
  static final Felt TWO_POW_16 = Felt.of(1L << 16);
  static final Felt TWO_POW_32 = Felt.of(1L << 32);
  static final Felt TWO_POW_48 = Felt.of(1L << 48);

  private Cpu() {}

  /** Flag-prefix column {@code i} of the current row. */
  static Felt prefix(EvaluationFrame frame, int i) {
    return frame.current(CairoColumns.FLAGS + i);
  }

  /** The flag bit {@code f̃_i − 2·f̃_(i+1)} of the current row. */
  static Felt flag(EvaluationFrame frame, Flag flag) {
    int i = flag.bit();
    return prefix(frame, i).sub(prefix(frame, i + 1).twice());
  }

  /** One minus the given flags: the implicit "default" choice of a flag group. */
  static Felt oneMinus(EvaluationFrame frame, Flag... flags) {
    Felt r = Felt.ONE;
    for (Flag f : flags) {
      r = r.sub(flag(frame, f));
    }
    return r;
  }

  /** The instruction size, 2 with an immediate and 1 otherwise. */
  static Felt instructionSize(EvaluationFrame frame) {
    return flag(frame, Flag.OP1_IMM).add(Felt.ONE);
  }

  /** A column of the current row. */
  static Felt cur(EvaluationFrame frame, int column) {
    return frame.current(column);
  }

  /** A column of the next row. */
  static Felt next(EvaluationFrame frame, int column) {
    return frame.next(column);
  }
}
