package io.cairn.cairo.vm;

/**
 * An operation that Cairo forbids on the values at hand: multiplying a pointer, adding two
 * pointers, subtracting pointers of different segments, a negative offset, a jump to a felt.
 */
public final class InvalidOperationException extends VmException {
  /** Creates the failure. */
  public InvalidOperationException(String message) {
    super(message);
  }
}
