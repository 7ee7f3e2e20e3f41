package io.cairn.schema;

import static io.cairn.schema.jooq.Tables.INPUT_GROUP;
import static io.cairn.schema.jooq.Tables.LEASE;
import static io.cairn.schema.jooq.Tables.STATE_CHANGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.schema.state.IllegalTransitionException;
import io.cairn.schema.state.InputGroupEvent;
import io.cairn.schema.state.InputGroupState;
import io.cairn.schema.state.LeaseEvent;
import io.cairn.schema.state.LeaseState;
import io.cairn.schema.state.Transitions;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Transitions#applyAllIfIn}, the batch form of a state change, against a real PostgreSQL:
 * only rows in a from-state move, each to its own target, with exactly one audit row each;
 * overlapping concurrent batches move each row once.
 */
class BatchTransitionsTest {
  private static SchemaFixture fx;
  private static DSLContext dsl;

  @BeforeAll
  static void open() {
    fx = new SchemaFixture("schema_batch");
    dsl = fx.dsl;
  }

  @AfterAll
  static void close() {
    fx.close();
  }

  @Test
  void batchTransitionMovesOnlyRowsInTheFromStateAndAuditsExactlyThose() {
    long r1 = fx.inputGroup("READY");
    long r2 = fx.inputGroup("READY");
    long r3 = fx.inputGroup("READY");
    long leased = fx.inputGroup("LEASED");
    long cancelled = fx.inputGroup("CANCELLED");
    long missing = cancelled + 1_000_000;
    var moved =
        dsl.transactionResult(
            c ->
                Transitions.INPUT_GROUPS.applyAllIfIn(
                    c.dsl(),
                    List.of(r1, leased, r2, cancelled, missing, r3),
                    Set.of(InputGroupState.READY),
                    InputGroupEvent.LEASE,
                    "scheduler",
                    "host 7",
                    Map.of(INPUT_GROUP.ATTEMPTS, INPUT_GROUP.ATTEMPTS.plus(1)),
                    List.of(INPUT_GROUP.ATTEMPTS, INPUT_GROUP.INPUT)));
    assertEquals(Set.of(r1, r2, r3), moved.keySet());
    for (long id : List.of(r1, r2, r3)) {
      assertEquals("LEASED", fx.stateOf(id));
      assertEquals(1, moved.get(id).get(INPUT_GROUP.ATTEMPTS), "returning sees the new row");
      assertEquals(32, moved.get(id).get(INPUT_GROUP.INPUT).length);
      assertEquals(1, dsl.fetchValue(INPUT_GROUP.ATTEMPTS, INPUT_GROUP.ID.eq(id)));
      var audit = fx.auditOf(id);
      assertEquals(1, audit.size());
      assertEquals("READY", audit.get(0).getFromState());
      assertEquals("LEASED", audit.get(0).getToState());
      assertEquals("LEASE", audit.get(0).getEvent());
      assertEquals("scheduler", audit.get(0).getActor());
      assertEquals("host 7", audit.get(0).getReason());
    }
    assertEquals("LEASED", fx.stateOf(leased));
    assertEquals("CANCELLED", fx.stateOf(cancelled));
    for (long id : List.of(leased, cancelled, missing)) {
      assertEquals(0, fx.auditOf(id).size(), "a refused row gets no audit row");
    }
    assertEquals(0, dsl.fetchValue(INPUT_GROUP.ATTEMPTS, INPUT_GROUP.ID.eq(leased)));
  }

  @Test
  void batchTransitionTakesEachFromStateToItsOwnTarget() {
    long leased = fx.inputGroup("LEASED");
    long proving = fx.inputGroup("PROVING");
    long proven = fx.inputGroup("PROVEN");
    long valid = fx.inputGroup("VALID");
    var moved =
        dsl.transactionResult(
            c ->
                Transitions.INPUT_GROUPS
                    .applyAllIfIn(
                        c.dsl(),
                        List.of(leased, proving, proven, valid),
                        Set.of(InputGroupState.LEASED, InputGroupState.PROVING),
                        InputGroupEvent.RETRY,
                        "transitioner",
                        null,
                        Map.of(INPUT_GROUP.NEXT_TRANSITION_AT, DSL.inline((OffsetDateTime) null)),
                        List.of())
                    .keySet());
    assertEquals(Set.of(leased, proving), moved);
    assertEquals("READY", fx.stateOf(leased));
    assertEquals("EXECUTED", fx.stateOf(proving));
    assertEquals("PROVEN", fx.stateOf(proven), "PROVEN was not asked for, though RETRY allows it");
    assertEquals("VALID", fx.stateOf(valid));
    assertEquals("LEASED", fx.auditOf(leased).get(0).getFromState());
    assertEquals("READY", fx.auditOf(leased).get(0).getToState());
    assertEquals("PROVING", fx.auditOf(proving).get(0).getFromState());
    assertEquals("EXECUTED", fx.auditOf(proving).get(0).getToState());
    assertEquals(0, fx.auditOf(proven).size() + fx.auditOf(valid).size());
  }

  @Test
  void batchTransitionOfNothingOrOfARefusedEventChangesNothing() {
    int auditRows = dsl.fetchCount(STATE_CHANGE);
    assertEquals(
        Map.of(),
        dsl.transactionResult(
            c ->
                Transitions.INPUT_GROUPS.applyAllIfIn(
                    c.dsl(),
                    List.of(),
                    Set.of(InputGroupState.READY),
                    InputGroupEvent.LEASE,
                    "t",
                    null,
                    Map.of(),
                    List.of())));
    long ready = fx.inputGroup("READY");
    long valid = fx.inputGroup("VALID");
    assertThrows(
        IllegalTransitionException.class,
        () ->
            dsl.transaction(
                c ->
                    Transitions.INPUT_GROUPS.applyAllIfIn(
                        c.dsl(),
                        List.of(ready, valid),
                        Set.of(InputGroupState.READY, InputGroupState.VALID),
                        InputGroupEvent.LEASE,
                        "t",
                        null,
                        Map.of(),
                        List.of())));
    assertEquals("READY", fx.stateOf(ready));
    assertEquals("VALID", fx.stateOf(valid));
    assertEquals(auditRows, dsl.fetchCount(STATE_CHANGE));
  }

  @Test
  void batchTransitionsOfLeasesUseTheLeaseTable() {
    long active = fx.lease(fx.inputGroup("LEASED"), "ACTIVE", "tok-batch-1");
    long uploaded = fx.lease(fx.inputGroup("LEASED"), "UPLOADED", "tok-batch-2");
    var moved =
        dsl.transactionResult(
            c ->
                Transitions.LEASES
                    .applyAllIfIn(
                        c.dsl(),
                        List.of(active, uploaded),
                        Set.of(LeaseState.ACTIVE),
                        LeaseEvent.EXPIRE,
                        "transitioner",
                        "deadline passed",
                        Map.of(LEASE.OUTCOME_REASON, "deadline passed"),
                        List.of())
                    .keySet());
    assertEquals(Set.of(active), moved);
    assertEquals("EXPIRED", dsl.fetchValue(LEASE.STATE, LEASE.ID.eq(active)));
    assertEquals("deadline passed", dsl.fetchValue(LEASE.OUTCOME_REASON, LEASE.ID.eq(active)));
    assertEquals("UPLOADED", dsl.fetchValue(LEASE.STATE, LEASE.ID.eq(uploaded)));
    assertEquals(
        1,
        dsl.fetchCount(
            STATE_CHANGE, STATE_CHANGE.ENTITY.eq("LEASE").and(STATE_CHANGE.ENTITY_ID.eq(active))));
    assertEquals(
        0,
        dsl.fetchCount(
            STATE_CHANGE,
            STATE_CHANGE.ENTITY.eq("LEASE").and(STATE_CHANGE.ENTITY_ID.eq(uploaded))));
  }

  @Test
  void overlappingBatchesMoveEachRowOnce() throws Exception {
    overlap(Set.of(InputGroupState.READY), InputGroupEvent.LEASE, "READY", "READY", "READY");
  }

  @Test
  void overlappingBatchesFromSeveralStatesMoveEachRowOnce() throws Exception {
    overlap(
        Set.of(InputGroupState.LEASED, InputGroupState.PROVING),
        InputGroupEvent.RETRY,
        "LEASED",
        "PROVING",
        "LEASED");
  }

  /**
   * Two transactions move overlapping batches {a, b} and {c, b}; the second runs into the first's
   * lock on b, and once the first commits, b is no longer in a from-state for it.
   */
  private static void overlap(
      Set<InputGroupState> from, InputGroupEvent event, String stateA, String stateB, String stateC)
      throws Exception {
    long a = fx.inputGroup(stateA);
    long b = fx.inputGroup(stateB);
    long c = fx.inputGroup(stateC);
    var started = new CompletableFuture<Void>();
    var release = new CompletableFuture<Void>();
    var first =
        CompletableFuture.supplyAsync(
            () ->
                dsl.transactionResult(
                    cfg -> {
                      var moved = moveAll(cfg.dsl(), List.of(a, b), from, event, "batch-1");
                      started.complete(null);
                      release.join(); // hold the row locks while the second batch runs into them
                      return moved;
                    }));
    started.get(30, TimeUnit.SECONDS);
    var second =
        CompletableFuture.supplyAsync(
            () ->
                dsl.transactionResult(
                    cfg -> moveAll(cfg.dsl(), List.of(c, b), from, event, "batch-2")));
    waitUntilBlocked();
    release.complete(null);
    assertEquals(Set.of(a, b), first.get(30, TimeUnit.SECONDS));
    assertEquals(Set.of(c), second.get(30, TimeUnit.SECONDS), "b was taken by the first batch");
    assertEquals(1, fx.auditOf(b).size());
    assertEquals("batch-1", fx.auditOf(b).get(0).getActor());
    assertEquals(stateB, fx.auditOf(b).get(0).getFromState());
    assertEquals(1, dsl.fetchValue(INPUT_GROUP.ATTEMPTS, INPUT_GROUP.ID.eq(b)));
  }

  private static Set<Long> moveAll(
      DSLContext tx,
      List<Long> ids,
      Set<InputGroupState> from,
      InputGroupEvent event,
      String actor) {
    return Transitions.INPUT_GROUPS
        .applyAllIfIn(
            tx,
            ids,
            from,
            event,
            actor,
            null,
            Map.of(INPUT_GROUP.ATTEMPTS, INPUT_GROUP.ATTEMPTS.plus(1)),
            List.of())
        .keySet();
  }

  /** Waits until some backend of this database waits for a row lock. */
  private static void waitUntilBlocked() throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (dsl.fetchCount(
            DSL.selectOne()
                .from("pg_stat_activity")
                .where("datname = current_database() AND wait_event_type = 'Lock'"))
        == 0) {
      assertTrue(System.nanoTime() < end, "the second batch never waited for the first");
      Thread.sleep(10);
    }
  }
}
