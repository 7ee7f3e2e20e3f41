package io.cairn.schema.state;

import static io.cairn.schema.state.InputGroupEvent.*;
import static io.cairn.schema.state.InputGroupState.*;

/** The one definition of how input groups move between states. */
public final class InputGroupLifecycle {
  private InputGroupLifecycle() {}

  /** The transition table. */
  public static final StateMachine<InputGroupState, InputGroupEvent> MACHINE =
      StateMachine.builder("input group", InputGroupState.class, InputGroupEvent.class)
          .allow(LEASE, LEASED, READY)
          .allow(UPLOAD_PROOF, PROVEN, LEASED, PROVING)
          .allow(UPLOAD_TRACE, EXECUTED, LEASED)
          .allow(LEASE_PROVE, PROVING, EXECUTED)
          // a failed execution (or an invalid proof) starts over; a failed proving keeps the trace
          .allow(RETRY, READY, LEASED, PROVEN)
          .allow(RETRY, EXECUTED, PROVING)
          .allow(GIVE_UP, ERROR, LEASED, PROVING, PROVEN)
          .allow(VALIDATE, VALID, PROVEN)
          .allow(ASSIMILATE, ASSIMILATED, VALID)
          .allow(CANCEL, CANCELLED, READY, LEASED, EXECUTED, PROVING, PROVEN)
          .allow(RESET, READY, ERROR)
          .build();

  /**
   * The event for a failed attempt: {@link InputGroupEvent#RETRY} while attempts remain, {@link
   * InputGroupEvent#GIVE_UP} once {@code attemptsSoFar} (including the failed one) reaches {@code
   * maxAttempts}.
   */
  public static InputGroupEvent failedAttempt(int attemptsSoFar, int maxAttempts) {
    return attemptsSoFar >= maxAttempts ? GIVE_UP : RETRY;
  }
}
