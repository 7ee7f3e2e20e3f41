package io.cairn.daemon.transitioner;

import io.cairn.schema.state.InputGroupEvent;
import io.cairn.schema.state.InputGroupLifecycle;
import io.cairn.schema.state.InputGroupState;
import io.cairn.schema.state.LeaseEvent;
import io.cairn.schema.state.LeaseLifecycle;
import io.cairn.schema.state.LeaseState;
import java.util.Map;
import java.util.Optional;

/**
 * SQL fragments for moving many rows at once by the same transition tables {@code Transitions} uses
 * row by row ({@link InputGroupLifecycle}, {@link LeaseLifecycle}): the set-based statements of the
 * transitioner take their target states from here, so the tables stay the one definition.
 */
final class FailedAttemptSql {
  private FailedAttemptSql() {}

  /**
   * A SQL {@code CASE} giving the input group's new state after a failed attempt, from its current
   * state (column {@code stateColumn}) and whether that attempt was its last ({@code lastColumn},
   * boolean); NULL where the table allows no move.
   */
  static String groupTargetCase(String stateColumn, String lastColumn) {
    StringBuilder sql = new StringBuilder("CASE");
    for (InputGroupState from : InputGroupState.values()) {
      for (Map.Entry<Boolean, InputGroupEvent> e :
          Map.of(true, InputGroupEvent.GIVE_UP, false, InputGroupEvent.RETRY).entrySet()) {
        Optional<InputGroupState> to = InputGroupLifecycle.MACHINE.next(from, e.getValue());
        to.ifPresent(
            target ->
                sql.append(" WHEN ")
                    .append(stateColumn)
                    .append(" = '")
                    .append(from.name())
                    .append("' AND ")
                    .append(e.getKey() ? "" : "NOT ")
                    .append(lastColumn)
                    .append(" THEN '")
                    .append(target.name())
                    .append("'"));
      }
    }
    return sql.append(" END").toString();
  }

  /** The SQL {@code CASE} naming the event of a failed attempt ({@code failedAttempt}). */
  static String groupEventCase(String lastColumn) {
    return "CASE WHEN "
        + lastColumn
        + " THEN '"
        + InputGroupEvent.GIVE_UP.name()
        + "' ELSE '"
        + InputGroupEvent.RETRY.name()
        + "' END";
  }

  /** The lease state an expired deadline leads to (checked against the lease table). */
  static LeaseState expiredLease() {
    return LeaseLifecycle.MACHINE.apply(LeaseState.ACTIVE, LeaseEvent.EXPIRE);
  }
}
