package io.cairn.cairo.vm;

/** How a program is entered and when its run ends. */
public enum RunMode {
  /**
   * cairo-run's default: enter {@code main} with return-fp and end segments on the stack; stop when
   * pc reaches the end segment.
   */
  EXEC,
  /**
   * cairo-run {@code --proof_mode}: enter {@code __start__}; stop one step after pc first reaches
   * {@code __end__}, then pad with {@code jmp rel 0} steps to a power of two.
   */
  PROOF
}
