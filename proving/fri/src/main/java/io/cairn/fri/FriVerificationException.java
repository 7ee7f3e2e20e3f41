package io.cairn.fri;

/** Thrown by {@link FriVerifier} when a FRI proof fails a check; {@link #kind} names the check. */
public final class FriVerificationException extends Exception {

  /** The FRI check that failed. */
  public enum Kind {
    /** The proof has the wrong number of layers, values or remainder coefficients. */
    SHAPE,
    /** A layer opening does not authenticate against the layer root. */
    LAYER_OPENING,
    /** An opened value differs from the fold of the previous layer. */
    FOLDING,
    /** The last folded value differs from the remainder polynomial. */
    REMAINDER
  }

  private final Kind kind;

  /** A failure of {@code kind}, described by {@code message}. */
  public FriVerificationException(Kind kind, String message) {
    super(kind + ": " + message);
    this.kind = kind;
  }

  /** The check that failed. */
  public Kind kind() {
    return kind;
  }
}
