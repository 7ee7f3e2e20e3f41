package io.cairn.cairo.vm.builtin;

import io.cairn.cairo.vm.Memory;
import io.cairn.cairo.vm.Relocatable;
import io.cairn.cairo.vm.program.BuiltinName;

/** The poseidon builtin (not implemented yet: reading a result cell fails). */
public final class PoseidonBuiltin implements BuiltinRunner {
  @Override
  public BuiltinName name() {
    return BuiltinName.POSEIDON;
  }

  @Override
  public int cellsPerInstance() {
    return 3;
  }

  @Override
  public Object deduce(Memory memory, Relocatable address) {
    throw new BuiltinViolationException("poseidon builtin is not implemented yet");
  }
}
