package io.cairn.cairo.vm;

/**
 * A program that cannot be run in the requested way: no {@code main} (exec mode) or no {@code
 * __start__}/{@code __end__} (proof mode), or a {@code main} whose explicit arguments are not
 * Cairn's {@code (input_len, input)} while input was given.
 */
public final class ProgramInterfaceException extends VmException {
  /** Creates the failure. */
  public ProgramInterfaceException(String message) {
    super(message);
  }
}
