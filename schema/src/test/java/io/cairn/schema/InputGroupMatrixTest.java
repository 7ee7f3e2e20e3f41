package io.cairn.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cairn.schema.state.IllegalTransitionException;
import io.cairn.schema.state.InputGroupEvent;
import io.cairn.schema.state.InputGroupLifecycle;
import io.cairn.schema.state.InputGroupState;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The input-group lifecycle over the whole state × event matrix: the table below is the
 * specification (written independently of the production table), and every one of the 90 pairs is
 * checked against it, the refused ones included.
 */
class InputGroupMatrixTest {
  // rows: from-state; columns in InputGroupEvent order:
  // LEASE UPLOAD_PROOF UPLOAD_TRACE LEASE_PROVE RETRY GIVE_UP VALIDATE ASSIMILATE CANCEL RESET
  static final String SPEC =
      """
      READY       LEASED -      -        -       -        -     -     -           CANCELLED -
      LEASED      -      PROVEN EXECUTED -       READY    ERROR -     -           CANCELLED -
      EXECUTED    -      -      -        PROVING -        -     -     -           CANCELLED -
      PROVING     -      PROVEN -        -       EXECUTED ERROR -     -           CANCELLED -
      PROVEN      -      -      -        -       READY    ERROR VALID -           CANCELLED -
      VALID       -      -      -        -       -        -     -     ASSIMILATED -         -
      ASSIMILATED -      -      -        -       -        -     -     -           -         -
      ERROR       -      -      -        -       -        -     -     -           -         READY
      CANCELLED   -      -      -        -       -        -     -     -           -         -
      """;

  static Map<InputGroupState, Map<InputGroupEvent, InputGroupState>> spec() {
    Map<InputGroupState, Map<InputGroupEvent, InputGroupState>> m = new HashMap<>();
    for (String line : SPEC.strip().split("\n")) {
      String[] cells = line.trim().split("\\s+");
      InputGroupState from = InputGroupState.valueOf(cells[0]);
      Map<InputGroupEvent, InputGroupState> row = new HashMap<>();
      for (InputGroupEvent e : InputGroupEvent.values()) {
        String cell = cells[1 + e.ordinal()];
        if (!cell.equals("-")) {
          row.put(e, InputGroupState.valueOf(cell));
        }
      }
      m.put(from, row);
    }
    return m;
  }

  @Test
  void everyPairOfTheMatrixBehavesAsSpecified() {
    Map<InputGroupState, Map<InputGroupEvent, InputGroupState>> spec = spec();
    assertEquals(InputGroupState.values().length, spec.size(), "the spec covers every state");
    int allowed = 0;
    for (InputGroupState from : InputGroupState.values()) {
      for (InputGroupEvent event : InputGroupEvent.values()) {
        InputGroupState expected = spec.get(from).get(event);
        if (expected == null) {
          IllegalTransitionException e =
              assertThrows(
                  IllegalTransitionException.class,
                  () -> InputGroupLifecycle.MACHINE.apply(from, event),
                  from + " x " + event);
          assertEquals(from, e.from());
          assertEquals(event, e.event());
        } else {
          assertEquals(
              expected, InputGroupLifecycle.MACHINE.apply(from, event), from + " x " + event);
          allowed++;
        }
      }
    }
    assertEquals(19, allowed);
  }

  @Test
  void finalStatesOnlyLeaveByOperatorReset() {
    for (InputGroupState s : InputGroupState.values()) {
      if (s.isFinal()) {
        var allowed = InputGroupLifecycle.MACHINE.allowedFrom(s).keySet();
        assertEquals(
            s == InputGroupState.ERROR
                ? java.util.Set.of(InputGroupEvent.RESET)
                : java.util.Set.of(),
            allowed,
            s.name());
      }
    }
  }

  @Test
  void failedAttemptGivesUpExactlyAtMaxAttempts() {
    assertEquals(InputGroupEvent.RETRY, InputGroupLifecycle.failedAttempt(1, 3));
    assertEquals(InputGroupEvent.RETRY, InputGroupLifecycle.failedAttempt(2, 3));
    assertEquals(InputGroupEvent.GIVE_UP, InputGroupLifecycle.failedAttempt(3, 3));
    assertEquals(InputGroupEvent.GIVE_UP, InputGroupLifecycle.failedAttempt(1, 1));
  }
}
