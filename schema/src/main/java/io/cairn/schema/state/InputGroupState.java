package io.cairn.schema.state;

/**
 * Where an input group (one job) stands. The normal path is READY, LEASED, PROVEN, VALID,
 * ASSIMILATED; execution-only jobs go READY, LEASED, EXECUTED, PROVING, PROVEN, VALID, ASSIMILATED.
 * ERROR and CANCELLED are final until an operator resets an ERROR.
 */
public enum InputGroupState {
  /** Waiting to be handed out (by the feeder's segment). */
  READY,
  /** Leased to a host that executes (and, unless execution-only, proves) it. */
  LEASED,
  /** Execution-only: the trace is uploaded, waiting for a prover. */
  EXECUTED,
  /** Execution-only: leased to a host that proves the uploaded trace. */
  PROVING,
  /** A proof is uploaded, waiting for the validator. */
  PROVEN,
  /** The proof verified; a result row exists. */
  VALID,
  /** The result was handed to the organization's hooks. */
  ASSIMILATED,
  /** Gave up after the maximum number of attempts. */
  ERROR,
  /** Cancelled by its organization. */
  CANCELLED;

  /** True for states that no event other than an operator reset leaves. */
  public boolean isFinal() {
    return this == ASSIMILATED || this == ERROR || this == CANCELLED;
  }
}
