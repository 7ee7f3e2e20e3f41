package io.cairn.cairo.air;

/**
 * A statement the Cairo AIR cannot prove or check: a malformed program, a builtin the AIR does not
 * constrain, or claims that contradict the program (e.g. an inconsistent segment table).
 */
public class CairoStatementException extends Exception {

  /** A failure described by {@code message}. */
  public CairoStatementException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public CairoStatementException(String message, Throwable cause) {
    super(message, cause);
  }
}
