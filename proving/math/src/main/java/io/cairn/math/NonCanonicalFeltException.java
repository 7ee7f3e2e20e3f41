package io.cairn.math;

/**
 * Thrown when an encoding or a strictly parsed number denotes a value that is not a canonical field
 * element, that is a value at or above the Stark252 prime p.
 *
 * <p>A subtype of {@link NumberFormatException} (hence of {@link IllegalArgumentException}) so that
 * callers parsing untrusted input can catch one type for every malformed number.
 */
public final class NonCanonicalFeltException extends NumberFormatException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the offending value. */
  public NonCanonicalFeltException(String message) {
    super(message);
  }
}
