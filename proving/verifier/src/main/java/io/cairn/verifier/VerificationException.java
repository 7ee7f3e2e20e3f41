package io.cairn.verifier;

/**
 * Thrown by {@link StarkVerifier} when a proof is rejected; {@link #kind} names the check that
 * failed. A proof is accepted exactly when {@code verify} returns normally.
 */
public final class VerificationException extends Exception {

  /** The checks the verifier makes, in the order it makes them. */
  public enum Kind {
    /** The bytes are not a canonical proof encoding, or the proof's shape does not fit the AIR. */
    MALFORMED_PROOF,
    /** The proof's options give fewer conjectured bits than the caller's minimum. */
    INSUFFICIENT_SECURITY,
    /** The constraints evaluated at z disagree with the composition parts at z. */
    OOD_CONSTRAINT_MISMATCH,
    /** The proof-of-work nonce does not have enough leading zero bits. */
    PROOF_OF_WORK,
    /** An opened trace row does not authenticate against its trace commitment. */
    TRACE_OPENING,
    /** An opened composition row does not authenticate against the composition commitment. */
    COMPOSITION_OPENING,
    /** A FRI layer opening does not authenticate against its layer root. */
    FRI_LAYER_OPENING,
    /** A FRI layer value differs from the fold of the previous layer. */
    FRI_FOLDING,
    /** The last FRI layer differs from the remainder polynomial. */
    FRI_REMAINDER
  }

  private final Kind kind;

  /** A rejection of {@code kind}, described by {@code message}. */
  public VerificationException(Kind kind, String message) {
    super(kind + ": " + message);
    this.kind = kind;
  }

  /** A rejection of {@code kind} caused by {@code cause}. */
  public VerificationException(Kind kind, String message, Throwable cause) {
    super(kind + ": " + message, cause);
    this.kind = kind;
  }

  /** The check that failed. */
  public Kind kind() {
    return kind;
  }
}
