package io.cairn.cairo.vm.builtin;

import io.cairn.cairo.vm.program.BuiltinName;

/** The output builtin: the cells a program writes to its segment are its output. No rules. */
public final class OutputBuiltin implements BuiltinRunner {
  @Override
  public BuiltinName name() {
    return BuiltinName.OUTPUT;
  }

  @Override
  public int cellsPerInstance() {
    return 1;
  }
}
