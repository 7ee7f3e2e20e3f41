package io.cairn.cairo.vm;

/** An instruction word that does not decode to a valid Cairo instruction. */
public final class InvalidInstructionException extends VmException {
  /** Creates the failure for an invalid encoding. */
  public InvalidInstructionException(String message) {
    super(message);
  }
}
