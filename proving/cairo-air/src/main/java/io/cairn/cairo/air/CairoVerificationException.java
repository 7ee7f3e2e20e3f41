package io.cairn.cairo.air;

import io.cairn.verifier.VerificationException;
import java.util.Optional;

/**
 * Thrown by {@link CairoVerifier} when a Cairo proof is rejected; {@link #kind} says which check
 * failed, and for {@link Kind#STARK_REJECTED} {@link #starkKind} says which STARK check.
 */
public final class CairoVerificationException extends Exception {

  /** The checks, in the order the verifier makes them. */
  public enum Kind {
    /** The program JSON is malformed or lacks the proof-mode entry points. */
    INVALID_PROGRAM,
    /** The proof file's bytes are not a canonical encoding. */
    MALFORMED_PROOF,
    /** The output the proof claims differs from the output the caller expects. */
    OUTPUT_MISMATCH,
    /** The program declares a builtin the AIR does not constrain. */
    UNSUPPORTED_BUILTIN,
    /** The proof's claims (segment table, steps, bounds, final ap) contradict the statement. */
    INCONSISTENT_CLAIM,
    /** The STARK proof does not verify for the rebuilt statement. */
    STARK_REJECTED
  }

  private final Kind kind;
  private final VerificationException.Kind starkKind;

  /** A rejection of {@code kind}. */
  public CairoVerificationException(Kind kind, String message, Throwable cause) {
    super(kind + ": " + message, cause);
    this.kind = kind;
    this.starkKind = cause instanceof VerificationException v ? v.kind() : null;
  }

  /** The check that failed. */
  public Kind kind() {
    return kind;
  }

  /** The STARK check that failed, for {@link Kind#STARK_REJECTED}. */
  public Optional<VerificationException.Kind> starkKind() {
    return Optional.ofNullable(starkKind);
  }
}
