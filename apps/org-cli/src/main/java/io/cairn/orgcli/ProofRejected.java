package io.cairn.orgcli;

/** The local verifier rejected a proof; the message names the failed check. */
public final class ProofRejected extends OrgCliException {
  public ProofRejected(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int exitCode() {
    return ExitCodes.PROOF_REJECTED;
  }
}
