package io.cairn.prover;

/**
 * Thrown when a prover checkpoint stream cannot be resumed; {@link #kind} says why. The session it
 * was offered to is unusable afterwards.
 */
public final class ProverCheckpointException extends Exception {

  /** Why the checkpoint was refused. */
  public enum Kind {
    /** The stream ends before the checkpoint does. */
    TRUNCATED,
    /** Not a checkpoint, or its bytes fail the checksums or do not fit the AIR's shape. */
    CORRUPT,
    /** A checkpoint of a format version this prover does not read. */
    UNSUPPORTED_VERSION,
    /** A well-formed checkpoint of another AIR, options, hash, context or trace. */
    FOREIGN
  }

  private final Kind kind;

  /** A refusal of {@code kind}. */
  public ProverCheckpointException(Kind kind, String message) {
    super(kind + ": " + message);
    this.kind = kind;
  }

  /** Why the checkpoint was refused. */
  public Kind kind() {
    return kind;
  }
}
