package io.cairn.cairo.vm;

/**
 * Base of every failure raised while decoding or executing a Cairo program.
 *
 * <p>Subclasses name the kind of failure; the message says where (pc, address) and why.
 */
public class VmException extends RuntimeException {
  /** Creates a failure with a message that says what went wrong and where. */
  public VmException(String message) {
    super(message);
  }

  /** Creates a failure with a cause. */
  public VmException(String message, Throwable cause) {
    super(message, cause);
  }
}
