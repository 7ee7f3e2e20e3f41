package io.cairn.cairo.vm.hint;

import io.cairn.cairo.vm.VmException;

/**
 * A hint that failed: its assertion did not hold (for example assert_nn on a negative value), an
 * {@code ids} name it needs cannot be resolved, or a scope variable is missing.
 */
public final class HintException extends VmException {
  /** Creates the failure. */
  public HintException(String message) {
    super(message);
  }
}
