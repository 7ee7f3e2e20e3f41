package io.cairn.daemon.transitioner;

import static io.cairn.schema.jooq.Tables.DAEMON_HEARTBEAT;
import static io.cairn.schema.jooq.Tables.HOST;
import static io.cairn.schema.jooq.Tables.INPUT_GROUP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.daemon.DaemonContext;
import io.cairn.daemon.PassResult;
import io.cairn.daemon.SettableClock;
import io.cairn.daemon.testing.WorkFixtures;
import io.cairn.schema.db.CairnDatabase;
import io.cairn.schema.state.InputGroupState;
import io.cairn.schema.state.LeaseState;
import io.cairn.testkit.pg.TestDatabase;
import io.cairn.testkit.pg.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransitionerTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static CairnDatabase db;
  private static DSLContext dsl;
  private static WorkFixtures fx;
  private final SettableClock clock = new SettableClock(T0);

  @BeforeAll
  static void open() {
    TestDatabase t = TestPostgres.freshDatabase("TransitionerTest");
    db = CairnDatabase.open(t.jdbcUrl(), t.user(), t.password(), 6, "transitioner-test");
    dsl = db.dsl();
    fx = new WorkFixtures(dsl);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @BeforeEach
  void clean() {
    dsl.execute("TRUNCATE state_change, lease, input_group, daemon_heartbeat CASCADE");
  }

  private Transitioner transitioner(String instance, int batch, int batches) {
    return new Transitioner(
        dsl,
        DaemonContext.of("transitioner", instance, clock),
        new TransitionerSettings(batch, batches, Duration.ofMinutes(2)));
  }

  @Test
  void expiresLeasesPastTheirDeadlineAndCountsTheAttempt() {
    long org = fx.organization("exp-org");
    long program = fx.program(org, "p", "programs/" + "ab".repeat(32), 3);
    long host = fx.host();
    long g1 = fx.inputGroup(program, 0, 1);
    long g2 = fx.inputGroup(program, 0, 2);
    long l1 = fx.lease(g1, host, T0.plusSeconds(600));
    long l2 = fx.lease(g2, host, T0.plusSeconds(3600));
    clock.advance(Duration.ofMinutes(20));

    PassResult pass = transitioner("a", 100, 5).runOnePass();

    assertEquals(1, pass.itemsDone());
    assertEquals(LeaseState.EXPIRED, fx.leaseState(l1));
    assertEquals(InputGroupState.READY, fx.groupState(g1));
    assertEquals(LeaseState.ACTIVE, fx.leaseState(l2));
    assertEquals(InputGroupState.LEASED, fx.groupState(g2));
    var row = dsl.selectFrom(INPUT_GROUP).where(INPUT_GROUP.ID.eq(g1)).fetchOne();
    assertEquals(1, row.getAttempts());
    assertNull(row.getNextTransitionAt());
    assertEquals(
        1, dsl.select(HOST.EXPIRED_COUNT).from(HOST).where(HOST.ID.eq(host)).fetchOne().value1());
    assertEquals(1, fx.auditCount("LEASE", "EXPIRE"));
    assertEquals(1, fx.auditCount("INPUT_GROUP", "RETRY"));
    assertEquals(PassResult.idle(), transitioner("a", 100, 5).runOnePass(), "nothing twice");
  }

  @Test
  void givesUpAfterTheLastAttempt() {
    long org = fx.organization("giveup-org");
    long program = fx.program(org, "p", "programs/" + "ab".repeat(32), 2);
    long host = fx.host();
    long g = fx.inputGroup(program, 0, 7);
    fx.lease(g, host, T0.plusSeconds(60));
    clock.advance(Duration.ofMinutes(2));
    transitioner("a", 100, 5).runOnePass();
    assertEquals(InputGroupState.READY, fx.groupState(g));

    fx.lease(g, host, clock.instant().plusSeconds(60));
    clock.advance(Duration.ofMinutes(2));
    transitioner("a", 100, 5).runOnePass();

    assertEquals(InputGroupState.ERROR, fx.groupState(g));
    var row = dsl.selectFrom(INPUT_GROUP).where(INPUT_GROUP.ID.eq(g)).fetchOne();
    assertEquals(2, row.getAttempts());
    assertTrue(row.getErrorReason().contains("after 2 attempts"), row.getErrorReason());
    assertEquals(1, fx.auditCount("INPUT_GROUP", "GIVE_UP"));
  }

  @Test
  void reportsTheBacklogWhenBehind() {
    long org = fx.organization("backlog-org");
    long program = fx.program(org, "p", "programs/" + "ab".repeat(32), 3);
    fx.bulkLeased(program, fx.host(), 50, T0);
    clock.advance(Duration.ofSeconds(1));

    PassResult pass = transitioner("a", 10, 2).runOnePass();

    assertEquals(20, pass.itemsDone());
    assertEquals(30, pass.backlog());
  }

  @Test
  void freesWorkCachedByADeadFeederOnly() {
    long org = fx.organization("feeder-org");
    long program = fx.program(org, "p", "programs/" + "ab".repeat(32), 3);
    long dead = fx.inputGroup(program, 0, 1);
    long live = fx.inputGroup(program, 0, 2);
    dsl.execute(
        "UPDATE input_group SET cached_by = 'feeder-dead', cached_at = ?::timestamptz WHERE id = ?",
        WorkFixtures.utc(T0),
        dead);
    dsl.execute(
        "UPDATE input_group SET cached_by = 'feeder-live', cached_at = ?::timestamptz WHERE id = ?",
        WorkFixtures.utc(T0),
        live);
    clock.advance(Duration.ofMinutes(10));
    dsl.insertInto(DAEMON_HEARTBEAT)
        .set(DAEMON_HEARTBEAT.DAEMON, "feeder")
        .set(DAEMON_HEARTBEAT.INSTANCE, "feeder-live")
        .set(DAEMON_HEARTBEAT.HOSTNAME, "h")
        .set(DAEMON_HEARTBEAT.PID, 1L)
        .set(DAEMON_HEARTBEAT.STARTED_AT, WorkFixtures.utc(T0))
        .set(DAEMON_HEARTBEAT.BEAT_AT, WorkFixtures.utc(clock.instant()))
        .execute();

    transitioner("a", 100, 5).runOnePass();

    assertNull(
        dsl.select(INPUT_GROUP.CACHED_BY)
            .from(INPUT_GROUP)
            .where(INPUT_GROUP.ID.eq(dead))
            .fetchOne()
            .value1());
    assertEquals(
        "feeder-live",
        dsl.select(INPUT_GROUP.CACHED_BY)
            .from(INPUT_GROUP)
            .where(INPUT_GROUP.ID.eq(live))
            .fetchOne()
            .value1());
  }

  @Test
  void settlesADueGroupWhoseLeaseIsNoLongerActive() {
    long org = fx.organization("settle-org");
    long program = fx.program(org, "p", "programs/" + "ab".repeat(32), 3);
    long g = fx.inputGroup(program, 0, 1);
    long lease = fx.lease(g, fx.host(), T0.plusSeconds(60));
    dsl.execute("UPDATE lease SET state = 'UPLOADED' WHERE id = ?", lease);
    clock.advance(Duration.ofMinutes(5));

    assertEquals(1, transitioner("a", 100, 5).runOnePass().itemsDone());

    assertNull(
        dsl.select(INPUT_GROUP.NEXT_TRANSITION_AT)
            .from(INPUT_GROUP)
            .where(INPUT_GROUP.ID.eq(g))
            .fetchOne()
            .value1());
    assertEquals(LeaseState.UPLOADED, fx.leaseState(lease));
  }

  @Test
  void twoInstancesExpireEachLeaseExactlyOnce() throws Exception {
    long org = fx.organization("two-org");
    long program = fx.program(org, "p", "programs/" + "ab".repeat(32), 3);
    List<Long> hosts = List.of(fx.host(), fx.host(), fx.host());
    int n = 10_000; // the "two instances over 10,000 items"
    for (int i = 0; i < hosts.size(); i++) {
      fx.bulkLeased(program, hosts.get(i), n / 3 + (i < n % 3 ? 1 : 0), T0);
    }
    clock.advance(Duration.ofSeconds(1));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Long>> workers = new ArrayList<>();
      for (String instance : List.of("a", "b")) {
        Transitioner t = transitioner(instance, 250, 1);
        workers.add(
            () -> {
              long total = 0;
              for (PassResult p = t.runOnePass(); p.itemsDone() > 0; p = t.runOnePass()) {
                total += p.itemsDone();
              }
              return total;
            });
      }
      long t0 = System.nanoTime();
      long total = 0;
      for (Future<Long> f : pool.invokeAll(workers)) {
        total += f.get();
      }
      System.out.printf(
          "two instances: %d leases in %d ms%n", total, (System.nanoTime() - t0) / 1_000_000);
      assertEquals(n, total);
    } finally {
      pool.shutdown();
    }
    assertEquals(n, fx.auditCount("LEASE", "EXPIRE"));
    assertEquals(1, fx.maxAuditPerRow("LEASE", "EXPIRE"));
    assertEquals(n, fx.auditCount("INPUT_GROUP", "RETRY"));
    assertEquals(
        0, dsl.fetchCount(INPUT_GROUP, INPUT_GROUP.ATTEMPTS.ne(1)), "each attempt counted once");
    assertEquals(
        n,
        dsl.select(DSL.sum(HOST.EXPIRED_COUNT))
            .from(HOST)
            .where(HOST.ID.in(hosts))
            .fetchOne(0, Integer.class));
  }
}
