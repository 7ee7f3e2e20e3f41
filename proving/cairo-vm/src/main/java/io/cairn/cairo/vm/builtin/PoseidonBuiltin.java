package io.cairn.cairo.vm.builtin;

import io.cairn.cairo.vm.Memory;
import io.cairn.cairo.vm.Relocatable;
import io.cairn.cairo.vm.program.BuiltinName;
import io.cairn.math.Felt;

/**
 * The poseidon builtin: cells in groups of six, an input state (s0, s1, s2) then the output state;
 * reading an empty output cell fills it from {@link PoseidonPermutation} of the input.
 */
public final class PoseidonBuiltin implements BuiltinRunner {
  @Override
  public BuiltinName name() {
    return BuiltinName.POSEIDON;
  }

  @Override
  public int cellsPerInstance() {
    return 6;
  }

  @Override
  public Object deduce(Memory memory, Relocatable address) {
    int index = (int) (address.offset() % 6);
    if (index < 3) {
      return null;
    }
    Relocatable base = address.add(-index);
    Felt[] input = new Felt[3];
    for (int i = 0; i < 3; i++) {
      Object v = memory.get(base.add(i));
      if (v == null) {
        return null;
      }
      if (!(v instanceof Felt f)) {
        throw new BuiltinViolationException("poseidon: input at " + base.add(i) + " is a pointer");
      }
      input[i] = f;
    }
    return PoseidonPermutation.permute(input)[index - 3];
  }
}
