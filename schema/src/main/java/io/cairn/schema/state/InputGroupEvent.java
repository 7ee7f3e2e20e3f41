package io.cairn.schema.state;

/** What can happen to an input group. {@link InputGroupLifecycle} says where each one leads. */
public enum InputGroupEvent {
  /** The scheduler issued a lease to execute (and prove) the group. */
  LEASE,
  /** The leaseholder uploaded a proof. */
  UPLOAD_PROOF,
  /** Execution-only: the leaseholder uploaded an execution trace. */
  UPLOAD_TRACE,
  /** Execution-only: the scheduler issued a lease to prove an uploaded trace. */
  LEASE_PROVE,
  /** An attempt failed (lease expired, abandoned, or proof invalid) and attempts remain. */
  RETRY,
  /** An attempt failed and it was the last one allowed. */
  GIVE_UP,
  /** The validator verified the proof. */
  VALIDATE,
  /** The assimilator delivered the result. */
  ASSIMILATE,
  /** The organization cancelled the group. */
  CANCEL,
  /** An operator put a group in ERROR back to READY with its attempts reset. */
  RESET
}
