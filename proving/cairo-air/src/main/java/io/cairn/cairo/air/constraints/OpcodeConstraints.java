package io.cairn.cairo.air.constraints;

import static io.cairn.cairo.air.CairoColumns.DST;
import static io.cairn.cairo.air.CairoColumns.FP;
import static io.cairn.cairo.air.CairoColumns.OFF_DST;
import static io.cairn.cairo.air.CairoColumns.OFF_OP0;
import static io.cairn.cairo.air.CairoColumns.OFF_OP1;
import static io.cairn.cairo.air.CairoColumns.OP0;
import static io.cairn.cairo.air.CairoColumns.PC;
import static io.cairn.cairo.air.CairoColumns.RES;
import static io.cairn.cairo.air.constraints.Cpu.cur;
import static io.cairn.cairo.air.constraints.Cpu.flag;

import io.cairn.air.EvaluationFrame;
import io.cairn.cairo.air.Flag;
import io.cairn.math.Felt;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The opcode assertions (whitepaper §9.6), each of the form {@code f_opcode · e = 0}: call pushes
 * fp and the return pc at [ap] and [ap+1] with ap-based operands; ret reads [fp−2] and jumps to
 * [fp−1] with the canonical flags; assert_eq sets dst = res.
 */
public final class OpcodeConstraints implements ConstraintFamily {

  /** One guarded assertion: the opcode flag times an expression that must vanish. */
  private record Guarded(Flag opcode, Function<EvaluationFrame, Felt> expression) {}

  private static final Felt BIAS = Cpu.TWO_POW_15;
  private static final Felt FOUR = Felt.of(4);

  private static final List<Guarded> ASSERTIONS =
      List.of(
          new Guarded(Flag.OPCODE_CALL, f -> cur(f, DST).sub(cur(f, FP))),
          new Guarded(
              Flag.OPCODE_CALL, f -> cur(f, OP0).sub(cur(f, PC).add(Cpu.instructionSize(f)))),
          new Guarded(Flag.OPCODE_CALL, f -> cur(f, OFF_DST).sub(BIAS)),
          new Guarded(Flag.OPCODE_CALL, f -> cur(f, OFF_OP0).sub(BIAS.add(Felt.ONE))),
          new Guarded(Flag.OPCODE_CALL, f -> flag(f, Flag.DST_REG).add(flag(f, Flag.OP0_REG))),
          new Guarded(Flag.OPCODE_RET, f -> cur(f, OFF_DST).add(Felt.TWO).sub(BIAS)),
          new Guarded(Flag.OPCODE_RET, f -> cur(f, OFF_OP1).add(Felt.ONE).sub(BIAS)),
          new Guarded(
              Flag.OPCODE_RET,
              f ->
                  flag(f, Flag.PC_JUMP_ABS)
                      .add(flag(f, Flag.DST_REG))
                      .add(flag(f, Flag.OP1_FP))
                      .add(Cpu.oneMinus(f, Flag.RES_ADD, Flag.RES_MUL, Flag.PC_JNZ))
                      .sub(FOUR)),
          new Guarded(Flag.OPCODE_ASSERT_EQ, f -> cur(f, DST).sub(cur(f, RES))));

  @Override
  public String name() {
    return "opcodes";
  }

  @Override
  public List<Integer> degrees() {
    return Collections.nCopies(ASSERTIONS.size(), 2);
  }

  @Override
  public void evaluate(EvaluationFrame f, Felt[] challenges, Felt[] out, int offset) {
    for (int k = 0; k < ASSERTIONS.size(); k++) {
      Guarded g = ASSERTIONS.get(k);
      out[offset + k] = flag(f, g.opcode()).mul(g.expression().apply(f));
    }
  }
}
