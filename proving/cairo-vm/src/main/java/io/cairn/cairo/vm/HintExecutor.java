package io.cairn.cairo.vm;

/**
 * Runs the hints attached to a program pc, before the instruction at that pc executes. The VM calls
 * it only at pcs that have hints.
 */
public interface HintExecutor {
  /** Whether any hint is attached at program offset {@code pc}. */
  boolean hasHints(long pc);

  /** Runs, in order, the hints attached at program offset {@code pc}. */
  void runHints(CairoVm vm, long pc);
}
