package io.cairn.cairo.air.constraints;

import io.cairn.air.EvaluationFrame;
import io.cairn.cairo.air.Flag;
import io.cairn.math.Felt;
import java.util.Collections;
import java.util.List;

/**
 * Mutually exclusive flag groups: for each group, {@code 1 − Σ flags} is a bit, so at most one flag
 * of the group is set (op1 source, res logic, pc update, fp update).
 */
public final class FlagGroupConstraints implements ConstraintFamily {

  private static final List<Flag[]> GROUPS =
      List.of(
          new Flag[] {Flag.OP1_IMM, Flag.OP1_AP, Flag.OP1_FP},
          new Flag[] {Flag.RES_ADD, Flag.RES_MUL, Flag.PC_JNZ},
          new Flag[] {Flag.PC_JUMP_ABS, Flag.PC_JUMP_REL, Flag.PC_JNZ},
          new Flag[] {Flag.OPCODE_CALL, Flag.OPCODE_RET});

  @Override
  public String name() {
    return "flag-groups";
  }

  @Override
  public List<Integer> degrees() {
    return Collections.nCopies(GROUPS.size(), 2);
  }

  @Override
  public void evaluate(EvaluationFrame frame, Felt[] challenges, Felt[] out, int offset) {
    for (int g = 0; g < GROUPS.size(); g++) {
      Felt rest = Cpu.oneMinus(frame, GROUPS.get(g));
      out[offset + g] = rest.mul(rest.sub(Felt.ONE));
    }
  }
}
