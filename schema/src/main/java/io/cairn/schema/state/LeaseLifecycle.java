package io.cairn.schema.state;

import static io.cairn.schema.state.LeaseEvent.*;
import static io.cairn.schema.state.LeaseState.*;

/** The one definition of how leases move between states. */
public final class LeaseLifecycle {
  private LeaseLifecycle() {}

  /** The transition table. */
  public static final StateMachine<LeaseState, LeaseEvent> MACHINE =
      StateMachine.builder("lease", LeaseState.class, LeaseEvent.class)
          .allow(UPLOAD, UPLOADED, ACTIVE)
          .allow(VALIDATE, VALID, UPLOADED)
          .allow(INVALIDATE, INVALID, UPLOADED)
          .allow(EXPIRE, EXPIRED, ACTIVE)
          .allow(ABANDON, ABANDONED, ACTIVE)
          .allow(CANCEL, CANCELLED, ACTIVE, UPLOADED)
          .build();
}
