package io.cairn.cairo.vm.builtin;

import io.cairn.cairo.vm.Memory;
import io.cairn.cairo.vm.Relocatable;
import io.cairn.cairo.vm.program.BuiltinName;

/** The pedersen builtin (not implemented yet: reading a result cell fails). */
public final class PedersenBuiltin implements BuiltinRunner {
  @Override
  public BuiltinName name() {
    return BuiltinName.PEDERSEN;
  }

  @Override
  public int cellsPerInstance() {
    return 3;
  }

  @Override
  public Object deduce(Memory memory, Relocatable address) {
    throw new BuiltinViolationException("pedersen builtin is not implemented yet");
  }
}
