package io.cairn.cairo.vm.program;

/**
 * A compiled program that cannot be loaded: malformed JSON, a wrong prime, an unknown builtin or a
 * hint that Cairn does not implement. Raised before anything runs.
 */
public final class ProgramLoadException extends Exception {
  /** Creates the failure with a message that names the offending field. */
  public ProgramLoadException(String message) {
    super(message);
  }

  /** Creates the failure with a cause (for example a JSON parse error). */
  public ProgramLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
