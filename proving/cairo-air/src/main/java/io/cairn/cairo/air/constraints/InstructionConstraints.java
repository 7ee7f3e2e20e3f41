package io.cairn.cairo.air.constraints;

import static io.cairn.cairo.air.CairoColumns.AP;
import static io.cairn.cairo.air.CairoColumns.DST_ADDR;
import static io.cairn.cairo.air.CairoColumns.FP;
import static io.cairn.cairo.air.CairoColumns.INST;
import static io.cairn.cairo.air.CairoColumns.OFF_DST;
import static io.cairn.cairo.air.CairoColumns.OFF_OP0;
import static io.cairn.cairo.air.CairoColumns.OFF_OP1;
import static io.cairn.cairo.air.CairoColumns.OP0;
import static io.cairn.cairo.air.CairoColumns.OP0_ADDR;
import static io.cairn.cairo.air.CairoColumns.OP1_ADDR;
import static io.cairn.cairo.air.CairoColumns.PC;
import static io.cairn.cairo.air.constraints.Cpu.cur;
import static io.cairn.cairo.air.constraints.Cpu.flag;

import io.cairn.air.EvaluationFrame;
import io.cairn.cairo.air.Flag;
import io.cairn.math.Felt;
import java.util.List;

/**
 * Instruction unpacking and operand addresses (whitepaper §9.4–9.5): the instruction word is the
 * biased offsets and the flag prefix packed at bits 0, 16, 32 and 48; dst and op0 are addressed
 * from ap or fp, op1 from pc (immediate), ap, fp or op0, each plus its offset.
 */
public final class InstructionConstraints implements ConstraintFamily {

  @Override
  public String name() {
    return "instruction";
  }

  @Override
  public List<Integer> degrees() {
    return List.of(1, 2, 2, 2);
  }

  @Override
  public void evaluate(EvaluationFrame f, Felt[] challenges, Felt[] out, int offset) {
    out[offset] =
        cur(f, OFF_DST)
            .add(cur(f, OFF_OP0).mul(Cpu.TWO_POW_16))
            .add(cur(f, OFF_OP1).mul(Cpu.TWO_POW_32))
            .add(Cpu.prefix(f, 0).mul(Cpu.TWO_POW_48))
            .sub(cur(f, INST));
    out[offset + 1] = registerBased(f, Flag.DST_REG, OFF_DST).sub(cur(f, DST_ADDR));
    out[offset + 2] = registerBased(f, Flag.OP0_REG, OFF_OP0).sub(cur(f, OP0_ADDR));
    Felt imm = flag(f, Flag.OP1_IMM);
    Felt ap = flag(f, Flag.OP1_AP);
    Felt fp = flag(f, Flag.OP1_FP);
    Felt op0Based = Cpu.oneMinus(f, Flag.OP1_IMM, Flag.OP1_AP, Flag.OP1_FP);
    Felt base =
        imm.mul(cur(f, PC))
            .add(ap.mul(cur(f, AP)))
            .add(fp.mul(cur(f, FP)))
            .add(op0Based.mul(cur(f, OP0)));
    out[offset + 3] = base.add(unbiased(f, OFF_OP1)).sub(cur(f, OP1_ADDR));
  }

  /** {@code fp} if the register flag is set, else {@code ap}, plus the offset. */
  private static Felt registerBased(EvaluationFrame f, Flag register, int offsetColumn) {
    Felt useFp = flag(f, register);
    Felt reg = cur(f, AP).add(useFp.mul(cur(f, FP).sub(cur(f, AP))));
    return reg.add(unbiased(f, offsetColumn));
  }

  private static Felt unbiased(EvaluationFrame f, int offsetColumn) {
    return cur(f, offsetColumn).sub(Cpu.TWO_POW_15);
  }
}
