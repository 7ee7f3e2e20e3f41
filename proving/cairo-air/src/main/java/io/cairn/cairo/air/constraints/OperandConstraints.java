package io.cairn.cairo.air.constraints;

import static io.cairn.cairo.air.CairoColumns.DST;
import static io.cairn.cairo.air.CairoColumns.MUL;
import static io.cairn.cairo.air.CairoColumns.OP0;
import static io.cairn.cairo.air.CairoColumns.OP1;
import static io.cairn.cairo.air.CairoColumns.RES;
import static io.cairn.cairo.air.CairoColumns.T0;
import static io.cairn.cairo.air.CairoColumns.T1;
import static io.cairn.cairo.air.constraints.Cpu.cur;
import static io.cairn.cairo.air.constraints.Cpu.flag;

import io.cairn.air.EvaluationFrame;
import io.cairn.cairo.air.Flag;
import io.cairn.math.Felt;
import java.util.List;

/**
 * The derived operands (whitepaper §9.5): {@code mul = op0·op1}; res is op0+op1, mul or op1 unless
 * the instruction is a conditional jump; {@code t0 = f_jnz·dst} and {@code t1 = t0·res} keep the pc
 * update at degree 2.
 */
public final class OperandConstraints implements ConstraintFamily {

  @Override
  public String name() {
    return "operands";
  }

  @Override
  public List<Integer> degrees() {
    return List.of(2, 2, 2, 2);
  }

  @Override
  public void evaluate(EvaluationFrame f, Felt[] challenges, Felt[] out, int offset) {
    Felt jnz = flag(f, Flag.PC_JNZ);
    out[offset] = cur(f, OP0).mul(cur(f, OP1)).sub(cur(f, MUL));
    Felt expected =
        flag(f, Flag.RES_ADD)
            .mul(cur(f, OP0).add(cur(f, OP1)))
            .add(flag(f, Flag.RES_MUL).mul(cur(f, MUL)))
            .add(Cpu.oneMinus(f, Flag.RES_ADD, Flag.RES_MUL, Flag.PC_JNZ).mul(cur(f, OP1)));
    out[offset + 1] = Felt.ONE.sub(jnz).mul(cur(f, RES)).sub(expected);
    out[offset + 2] = jnz.mul(cur(f, DST)).sub(cur(f, T0));
    out[offset + 3] = cur(f, T0).mul(cur(f, RES)).sub(cur(f, T1));
  }
}
