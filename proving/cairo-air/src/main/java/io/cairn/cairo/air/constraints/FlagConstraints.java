package io.cairn.cairo.air.constraints;

import io.cairn.air.EvaluationFrame;
import io.cairn.cairo.air.Flag;
import io.cairn.math.Felt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The flag decomposition (whitepaper §9.4): each flag {@code f_i = f̃_i − 2·f̃_(i+1)} is a bit, and
 * the last prefix {@code f̃_15} is zero, so the prefixes encode a 15-bit flag word.
 */
public final class FlagConstraints implements ConstraintFamily {

  private static final List<Integer> DEGREES;

  static {
    List<Integer> d = new ArrayList<>(Collections.nCopies(Flag.values().length, 2));
    d.add(1);
    DEGREES = List.copyOf(d);
  }

  @Override
  public String name() {
    return "flags";
  }

  @Override
  public List<Integer> degrees() {
    return DEGREES;
  }

  @Override
  public void evaluate(EvaluationFrame frame, Felt[] challenges, Felt[] out, int offset) {
    for (Flag flag : Flag.values()) {
      Felt bit = Cpu.flag(frame, flag);
      out[offset + flag.bit()] = bit.mul(bit.sub(Felt.ONE));
    }
    out[offset + Flag.values().length] = Cpu.prefix(frame, Flag.PREFIX_COLUMNS - 1);
  }
}
