package io.cairn.cairo.vm.hint;

import io.cairn.cairo.vm.CairoVm;
import io.cairn.cairo.vm.HintExecutor;
import io.cairn.cairo.vm.program.CairoProgram;

/** Runs a program's hints natively (placeholder). */
public final class HintRuntime implements HintExecutor {
  private final CairoProgram program;

  /** Binds the runtime to a program. */
  public HintRuntime(CairoProgram program) {
    this.program = program;
  }

  @Override
  public boolean hasHints(long pc) {
    return program.hints().containsKey((int) pc);
  }

  @Override
  public void runHints(CairoVm vm, long pc) {
    throw new UnsupportedOperationException("hints not implemented yet");
  }
}
