package io.cairn.cairo.air.constraints;

import static io.cairn.cairo.air.CairoColumns.AP;
import static io.cairn.cairo.air.CairoColumns.DST;
import static io.cairn.cairo.air.CairoColumns.FP;
import static io.cairn.cairo.air.CairoColumns.OP1;
import static io.cairn.cairo.air.CairoColumns.PC;
import static io.cairn.cairo.air.CairoColumns.RES;
import static io.cairn.cairo.air.CairoColumns.T0;
import static io.cairn.cairo.air.CairoColumns.T1;
import static io.cairn.cairo.air.constraints.Cpu.cur;
import static io.cairn.cairo.air.constraints.Cpu.flag;
import static io.cairn.cairo.air.constraints.Cpu.next;

import io.cairn.air.EvaluationFrame;
import io.cairn.cairo.air.Flag;
import io.cairn.math.Felt;
import java.util.List;

/**
 * The register updates from one step to the next (whitepaper §9.5): ap, fp, and pc in two
 * constraints, one for the taken/not-taken conditional jump and one for the other updates.
 */
public final class RegisterUpdateConstraints implements ConstraintFamily {

  private static final Felt TWO = Felt.TWO;

  @Override
  public String name() {
    return "registers";
  }

  @Override
  public List<Integer> degrees() {
    return List.of(2, 2, 2, 2);
  }

  @Override
  public void evaluate(EvaluationFrame f, Felt[] challenges, Felt[] out, int offset) {
    Felt call = flag(f, Flag.OPCODE_CALL);
    Felt ret = flag(f, Flag.OPCODE_RET);
    Felt jnz = flag(f, Flag.PC_JNZ);
    Felt ap = cur(f, AP);
    Felt pc = cur(f, PC);
    Felt res = cur(f, RES);
    out[offset] =
        ap.add(flag(f, Flag.AP_ADD).mul(res))
            .add(flag(f, Flag.AP_ADD1))
            .add(call.mul(TWO))
            .sub(next(f, AP));
    out[offset + 1] =
        ret.mul(cur(f, DST))
            .add(call.mul(ap.add(TWO)))
            .add(Cpu.oneMinus(f, Flag.OPCODE_CALL, Flag.OPCODE_RET).mul(cur(f, FP)))
            .sub(next(f, FP));
    Felt nextPc = next(f, PC);
    Felt fallThrough = pc.add(Cpu.instructionSize(f));
    out[offset + 2] = cur(f, T1).sub(jnz).mul(nextPc.sub(fallThrough));
    Felt regular = Cpu.oneMinus(f, Flag.PC_JUMP_ABS, Flag.PC_JUMP_REL, Flag.PC_JNZ);
    Felt expected =
        regular
            .mul(fallThrough)
            .add(flag(f, Flag.PC_JUMP_ABS).mul(res))
            .add(flag(f, Flag.PC_JUMP_REL).mul(pc.add(res)));
    out[offset + 3] =
        cur(f, T0)
            .mul(nextPc.sub(pc.add(cur(f, OP1))))
            .add(Felt.ONE.sub(jnz).mul(nextPc))
            .sub(expected);
  }
}
