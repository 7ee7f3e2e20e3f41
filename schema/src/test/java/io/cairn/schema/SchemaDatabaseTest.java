package io.cairn.schema;

import static io.cairn.schema.jooq.Tables.DONOR_ACCOUNT;
import static io.cairn.schema.jooq.Tables.HOST;
import static io.cairn.schema.jooq.Tables.INPUT_GROUP;
import static io.cairn.schema.jooq.Tables.LEASE;
import static io.cairn.schema.jooq.Tables.ORGANIZATION;
import static io.cairn.schema.jooq.Tables.PROGRAM;
import static io.cairn.schema.jooq.Tables.STATE_CHANGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.schema.db.CairnDatabase;
import io.cairn.schema.state.IllegalTransitionException;
import io.cairn.schema.state.InputGroupEvent;
import io.cairn.schema.state.InputGroupLifecycle;
import io.cairn.schema.state.InputGroupState;
import io.cairn.schema.state.LeaseEvent;
import io.cairn.schema.state.LeaseLifecycle;
import io.cairn.schema.state.LeaseState;
import io.cairn.schema.state.Transitions;
import io.cairn.testkit.pg.TestDatabase;
import io.cairn.testkit.pg.TestPostgres;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The migrations, the generated classes and the state machines against a real PostgreSQL. */
class SchemaDatabaseTest {
  static CairnDatabase db;
  static DSLContext dsl;
  static long programId;
  static long orgId;
  static long hostId;

  @BeforeAll
  static void open() {
    TestDatabase t = TestPostgres.freshDatabase("schema");
    db = CairnDatabase.open(t.jdbcUrl(), t.user(), t.password(), 4, "schema-test");
    dsl = db.dsl();
    orgId =
        dsl.insertInto(ORGANIZATION)
            .set(ORGANIZATION.NAME, "acme")
            .set(ORGANIZATION.PUBLIC_NAME, "Acme Research")
            .set(ORGANIZATION.WEBHOOK_SECRET, "s")
            .returning(ORGANIZATION.ID)
            .fetchOne(ORGANIZATION.ID);
    programId =
        dsl.insertInto(PROGRAM)
            .set(PROGRAM.ORGANIZATION_ID, orgId)
            .set(PROGRAM.NAME, "collatz")
            .set(PROGRAM.BYTECODE_HASH, "ab".repeat(32))
            .set(PROGRAM.BLOB_KEY, "programs/" + "ab".repeat(32))
            .set(PROGRAM.SIZE_BYTES, 100L)
            .set(PROGRAM.SIGNATURE, new byte[64])
            .set(PROGRAM.MAX_STEPS, 1_000_000L)
            .set(PROGRAM.LEASE_TIMEOUT_SECONDS, 600)
            .set(PROGRAM.MAX_ATTEMPTS, 3)
            .returning(PROGRAM.ID)
            .fetchOne(PROGRAM.ID);
    long donor =
        dsl.insertInto(DONOR_ACCOUNT)
            .set(DONOR_ACCOUNT.EMAIL, "d@example.org")
            .set(DONOR_ACCOUNT.DISPLAY_NAME, "d")
            .set(DONOR_ACCOUNT.PASSWORD_HASH, "x")
            .set(DONOR_ACCOUNT.ACCOUNT_KEY_HASH, "k")
            .returning(DONOR_ACCOUNT.ID)
            .fetchOne(DONOR_ACCOUNT.ID);
    hostId =
        dsl.insertInto(HOST)
            .set(HOST.DONOR_ACCOUNT_ID, donor)
            .set(HOST.HOST_KEY_HASH, "h")
            .returning(HOST.ID)
            .fetchOne(HOST.ID);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  static long inputGroup(String state) {
    return dsl.insertInto(INPUT_GROUP)
        .set(INPUT_GROUP.PROGRAM_ID, programId)
        .set(INPUT_GROUP.ORGANIZATION_ID, orgId)
        .set(INPUT_GROUP.INPUT, new byte[32])
        .set(INPUT_GROUP.INPUT_LEN, 1)
        .set(INPUT_GROUP.STATE, state)
        .set(INPUT_GROUP.MAX_ATTEMPTS, 3)
        .set(INPUT_GROUP.MAX_STEPS, 1000L)
        .set(INPUT_GROUP.LEASE_TIMEOUT_SECONDS, 60)
        .returning(INPUT_GROUP.ID)
        .fetchOne(INPUT_GROUP.ID);
  }

  @Test
  void migratingAgainIsANoOp() {
    assertEquals(0, CairnDatabase.migrate(db.dataSource()).migrationsExecuted);
  }

  @Test
  void generatedClassesMatchTheMigratedDatabase() {
    // codegen ran on the migration files without a database; the real schema must agree
    for (Table<?> table : io.cairn.schema.jooq.DefaultSchema.DEFAULT_SCHEMA.getTables()) {
      if (table.getName().startsWith("flyway")) {
        continue;
      }
      Set<String> generated = new TreeSet<>();
      for (Field<?> f : table.fields()) {
        generated.add(f.getName());
      }
      Set<String> actual =
          new TreeSet<>(
              dsl.select(DSL.field("column_name", String.class))
                  .from("information_schema.columns")
                  .where(DSL.field("table_name").eq(table.getName()))
                  .and(DSL.field("table_schema").eq("public"))
                  .fetch(0, String.class));
      assertEquals(actual, generated, "columns of " + table.getName());
    }
  }

  @Test
  void stateCheckConstraintListsExactlyTheEnumStates() {
    for (InputGroupState s : InputGroupState.values()) {
      inputGroup(s.name());
    }
    DataAccessException e = assertThrows(DataAccessException.class, () -> inputGroup("LOST"));
    assertTrue(e.getMessage().contains("input_group_state_check"), e.getMessage());
  }

  @Test
  void hotQueryIndexesExist() {
    Set<String> indexes =
        new HashSet<>(
            dsl.select(DSL.field("indexname", String.class))
                .from("pg_indexes")
                .where(DSL.field("schemaname").eq("public"))
                .fetch(0, String.class));
    for (String name :
        Set.of(
            "input_group_ready_idx",
            "input_group_next_transition_idx",
            "lease_deadline_idx",
            "lease_one_active_per_group",
            "result_org_feed_idx",
            "webhook_delivery_due_idx")) {
      assertTrue(indexes.contains(name), name);
    }
  }

  @Test
  void everyInputGroupTransitionInTheDatabaseFollowsTheTable() {
    Transitions<InputGroupState, InputGroupEvent> t = Transitions.INPUT_GROUPS;
    for (InputGroupState from : InputGroupState.values()) {
      for (InputGroupEvent event : InputGroupEvent.values()) {
        long id = inputGroup(from.name());
        var expected = InputGroupLifecycle.MACHINE.next(from, event);
        if (expected.isPresent()) {
          InputGroupState to =
              dsl.transactionResult(c -> t.apply(c.dsl(), id, event, "test", "matrix"));
          assertEquals(expected.get(), to);
          assertEquals(to.name(), stateOf(id));
          var audit =
              dsl.selectFrom(STATE_CHANGE)
                  .where(STATE_CHANGE.ENTITY.eq("INPUT_GROUP"), STATE_CHANGE.ENTITY_ID.eq(id))
                  .fetchOne();
          assertEquals(from.name(), audit.getFromState());
          assertEquals(to.name(), audit.getToState());
          assertEquals(event.name(), audit.getEvent());
        } else {
          assertThrows(
              IllegalTransitionException.class,
              () -> dsl.transaction(c -> t.apply(c.dsl(), id, event, "test", "matrix")));
          assertEquals(from.name(), stateOf(id), "a refused event leaves the row unchanged");
          assertEquals(
              0,
              dsl.fetchCount(
                  STATE_CHANGE,
                  STATE_CHANGE.ENTITY.eq("INPUT_GROUP").and(STATE_CHANGE.ENTITY_ID.eq(id))));
        }
      }
    }
  }

  @Test
  void conditionalTransitionMovesARowOnceWhenTwoClaimIt() {
    long id = inputGroup("READY");
    var t = Transitions.INPUT_GROUPS;
    boolean first =
        dsl.transactionResult(
            c ->
                t.applyIfIn(
                    c.dsl(),
                    id,
                    InputGroupState.READY,
                    InputGroupEvent.LEASE,
                    "scheduler-1",
                    null,
                    java.util.Map.of(INPUT_GROUP.ATTEMPTS, 1)));
    boolean second =
        dsl.transactionResult(
            c ->
                t.applyIfIn(
                    c.dsl(),
                    id,
                    InputGroupState.READY,
                    InputGroupEvent.LEASE,
                    "scheduler-2",
                    null));
    assertTrue(first);
    assertFalse(second);
    assertEquals(1, dsl.fetchValue(INPUT_GROUP.ATTEMPTS, INPUT_GROUP.ID.eq(id)));
  }

  @Test
  void leaseTransitionsFollowTheTableAndOnlyOneLiveLeasePerGroup() {
    long group = inputGroup("LEASED");
    long lease = lease(group, "ACTIVE", "tok-a");
    for (LeaseState from : LeaseState.values()) {
      for (LeaseEvent event : LeaseEvent.values()) {
        var expected = LeaseLifecycle.MACHINE.next(from, event);
        long l = lease(inputGroup("LEASED"), from.name(), "tok-" + from + "-" + event);
        if (expected.isPresent()) {
          assertEquals(
              expected.get(),
              dsl.transactionResult(c -> Transitions.LEASES.apply(c.dsl(), l, event, "t", null)));
        } else {
          assertThrows(
              IllegalTransitionException.class,
              () -> dsl.transaction(c -> Transitions.LEASES.apply(c.dsl(), l, event, "t", null)));
        }
      }
    }
    assertThrows(DataAccessException.class, () -> lease(group, "ACTIVE", "tok-b"));
    dsl.transaction(c -> Transitions.LEASES.apply(c.dsl(), lease, LeaseEvent.EXPIRE, "t", null));
    lease(group, "ACTIVE", "tok-c"); // a new lease once the old one is no longer live
  }

  @Test
  void batchTransitionMovesOnlyRowsInTheFromStateAndAuditsExactlyThose() {
    long r1 = inputGroup("READY");
    long r2 = inputGroup("READY");
    long r3 = inputGroup("READY");
    long leased = inputGroup("LEASED");
    long cancelled = inputGroup("CANCELLED");
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
      assertEquals("LEASED", stateOf(id));
      assertEquals(1, moved.get(id).get(INPUT_GROUP.ATTEMPTS), "returning sees the new row");
      assertEquals(32, moved.get(id).get(INPUT_GROUP.INPUT).length);
      assertEquals(1, dsl.fetchValue(INPUT_GROUP.ATTEMPTS, INPUT_GROUP.ID.eq(id)));
      var audit = auditOf(id);
      assertEquals(1, audit.size());
      assertEquals("READY", audit.get(0).getFromState());
      assertEquals("LEASED", audit.get(0).getToState());
      assertEquals("LEASE", audit.get(0).getEvent());
      assertEquals("scheduler", audit.get(0).getActor());
      assertEquals("host 7", audit.get(0).getReason());
    }
    assertEquals("LEASED", stateOf(leased));
    assertEquals("CANCELLED", stateOf(cancelled));
    for (long id : List.of(leased, cancelled, missing)) {
      assertEquals(0, auditOf(id).size(), "a refused row gets no audit row");
    }
    assertEquals(0, dsl.fetchValue(INPUT_GROUP.ATTEMPTS, INPUT_GROUP.ID.eq(leased)));
  }

  @Test
  void batchTransitionTakesEachFromStateToItsOwnTarget() {
    long leased = inputGroup("LEASED");
    long proving = inputGroup("PROVING");
    long proven = inputGroup("PROVEN");
    long valid = inputGroup("VALID");
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
    assertEquals("READY", stateOf(leased));
    assertEquals("EXECUTED", stateOf(proving));
    assertEquals("PROVEN", stateOf(proven), "PROVEN was not asked for, though RETRY allows it");
    assertEquals("VALID", stateOf(valid));
    assertEquals("LEASED", auditOf(leased).get(0).getFromState());
    assertEquals("READY", auditOf(leased).get(0).getToState());
    assertEquals("PROVING", auditOf(proving).get(0).getFromState());
    assertEquals("EXECUTED", auditOf(proving).get(0).getToState());
    assertEquals(0, auditOf(proven).size() + auditOf(valid).size());
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
    long ready = inputGroup("READY");
    long valid = inputGroup("VALID");
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
    assertEquals("READY", stateOf(ready));
    assertEquals("VALID", stateOf(valid));
    assertEquals(auditRows, dsl.fetchCount(STATE_CHANGE));
  }

  @Test
  void batchTransitionsOfLeasesUseTheLeaseTable() {
    long active = lease(inputGroup("LEASED"), "ACTIVE", "tok-batch-1");
    long uploaded = lease(inputGroup("LEASED"), "UPLOADED", "tok-batch-2");
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
    long a = inputGroup(stateA);
    long b = inputGroup(stateB);
    long c = inputGroup(stateC);
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
    assertEquals(1, auditOf(b).size());
    assertEquals("batch-1", auditOf(b).get(0).getActor());
    assertEquals(stateB, auditOf(b).get(0).getFromState());
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

  static List<io.cairn.schema.jooq.tables.records.StateChangeRecord> auditOf(long id) {
    return dsl.selectFrom(STATE_CHANGE)
        .where(STATE_CHANGE.ENTITY.eq("INPUT_GROUP"), STATE_CHANGE.ENTITY_ID.eq(id))
        .orderBy(STATE_CHANGE.ID)
        .fetch();
  }

  static long lease(long group, String state, String token) {
    return dsl.insertInto(LEASE)
        .set(LEASE.TOKEN, token)
        .set(LEASE.INPUT_GROUP_ID, group)
        .set(LEASE.HOST_ID, hostId)
        .set(LEASE.KIND, "EXECUTE_AND_PROVE")
        .set(LEASE.STATE, state)
        .set(LEASE.DEADLINE, OffsetDateTime.now().plusMinutes(10))
        .returning(LEASE.ID)
        .fetchOne(LEASE.ID);
  }

  static String stateOf(long id) {
    return dsl.fetchValue(INPUT_GROUP.STATE, INPUT_GROUP.ID.eq(id));
  }
}
