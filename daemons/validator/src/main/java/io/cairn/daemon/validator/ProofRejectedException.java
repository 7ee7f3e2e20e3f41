package io.cairn.daemon.validator;

/** A proof does not prove its statement; {@link #kind()} names the failed check. */
public class ProofRejectedException extends Exception {
  private static final long serialVersionUID = 1L;
  private final RejectionKind kind;

  public ProofRejectedException(RejectionKind kind, String message) {
    this(kind, message, null);
  }

  public ProofRejectedException(RejectionKind kind, String message, Throwable cause) {
    super(kind + ": " + message, cause);
    this.kind = kind;
  }

  public RejectionKind kind() {
    return kind;
  }
}
