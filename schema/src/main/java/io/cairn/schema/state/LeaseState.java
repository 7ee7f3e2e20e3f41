package io.cairn.schema.state;

/** Where one lease (one attempt by one host) stands. */
public enum LeaseState {
  /** Issued; the host is working on it until its deadline. */
  ACTIVE,
  /** The host uploaded its proof or trace; waiting for validation. */
  UPLOADED,
  /** The proof verified. */
  VALID,
  /** The proof did not verify. */
  INVALID,
  /** The deadline passed with nothing uploaded. */
  EXPIRED,
  /** The host reported that it gave the work up. */
  ABANDONED,
  /** The input group was cancelled. */
  CANCELLED
}
