package io.cairn.cairo.vm.builtin;

import io.cairn.cairo.vm.VmException;

/** A value that breaks a builtin's rule, e.g. a range_check cell at or above 2^128. */
public final class BuiltinViolationException extends VmException {
  /** Creates the failure. */
  public BuiltinViolationException(String message) {
    super(message);
  }
}
