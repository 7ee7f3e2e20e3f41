package io.cairn.cairo.prover;

/** Thrown by {@link CairoProver} when a program cannot be proven; {@link #kind} says why. */
public final class CairoProvingException extends Exception {

  /** Why proving failed. */
  public enum Kind {
    /** The program JSON cannot be loaded (by the VM or as a provable program). */
    INVALID_PROGRAM,
    /** The program declares a builtin the AIR does not constrain; it can still be executed. */
    UNSUPPORTED_BUILTIN,
    /** The VM refused the run (invalid instruction, limit, failed assertion, bad input). */
    EXECUTION_FAILED,
    /** The run cannot be expressed in the AIR (e.g. main returns more than its builtins). */
    UNPROVABLE,
    /** A checkpoint is malformed or was taken for another program, input, lease or options. */
    INVALID_CHECKPOINT
  }

  private final Kind kind;

  /** A failure of {@code kind} caused by {@code cause}. */
  public CairoProvingException(Kind kind, String message, Throwable cause) {
    super(kind + ": " + message, cause);
    this.kind = kind;
  }

  /** Why proving failed. */
  public Kind kind() {
    return kind;
  }
}
