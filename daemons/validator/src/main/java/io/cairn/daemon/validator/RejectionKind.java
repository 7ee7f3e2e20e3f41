package io.cairn.daemon.validator;

/** Why a proof was rejected; stored in {@code upload.failure_kind}. */
public enum RejectionKind {
  /** The proof blob is gone (deleted or never completely written). */
  PROOF_MISSING,
  /** The proof is larger than the validator accepts. */
  PROOF_TOO_LARGE,
  /** The proof's bytes are not a valid encoding. */
  MALFORMED_PROOF,
  /** The proof proves another output than the one the donor claimed. */
  OUTPUT_MISMATCH,
  /** The program cannot be proven (malformed JSON, unsupported builtin). */
  INVALID_PROGRAM,
  /** The proof's claims (segments, steps, bounds) contradict the statement. */
  INCONSISTENT_CLAIM,
  /** The proof's options give less than the configured minimum security. */
  INSUFFICIENT_SECURITY,
  /** The proof covers more steps than the input group allows. */
  TOO_MANY_STEPS,
  /** The STARK does not verify for the rebuilt statement (another program, input or lease). */
  STARK_REJECTED
}
