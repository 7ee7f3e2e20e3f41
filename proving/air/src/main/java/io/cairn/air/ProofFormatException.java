package io.cairn.air;

/**
 * Thrown by {@link ProofCodec#decode} for bytes that are not a canonical proof encoding: wrong
 * magic or version, truncation, trailing bytes, out-of-range counts or non-canonical field
 * elements.
 */
public final class ProofFormatException extends Exception {

  /** A format error described by {@code message}. */
  public ProofFormatException(String message) {
    super(message);
  }
}
