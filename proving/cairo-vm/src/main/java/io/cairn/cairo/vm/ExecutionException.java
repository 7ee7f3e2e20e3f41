package io.cairn.cairo.vm;

/**
 * A step that cannot be executed: an assert_eq whose sides differ, an operand that is unknown and
 * cannot be deduced, a call whose frame does not match, a builtin rule that is violated.
 */
public final class ExecutionException extends VmException {
  /** Creates the failure. */
  public ExecutionException(String message) {
    super(message);
  }
}
