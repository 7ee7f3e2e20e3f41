package io.cairn.client.work;

/** A downloaded program the client refuses to run; {@link #kind} names the failed check. */
public final class ProgramVerificationException extends Exception {
  /** Which check of docs/donor-protocol.md failed. */
  public enum Kind {
    /** sha256(file) differs from the lease's program.sha256. */
    HASH_MISMATCH,
    /** The server's Ed25519 signature does not verify with the pinned key. */
    BAD_SIGNATURE,
    /** The Cairo VM cannot load the program. */
    UNLOADABLE
  }

  private final Kind kind;

  /** A failure of {@code kind}. */
  public ProgramVerificationException(Kind kind, String message, Throwable cause) {
    super(kind + ": " + message, cause);
    this.kind = kind;
  }

  /** The failed check. */
  public Kind kind() {
    return kind;
  }
}
