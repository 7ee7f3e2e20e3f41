package io.cairn.daemon;

import static io.cairn.schema.jooq.Tables.DAEMON_HEARTBEAT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.schema.db.CairnDatabase;
import io.cairn.testkit.pg.TestDatabase;
import io.cairn.testkit.pg.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DaemonLoopTest {
  private static CairnDatabase db;
  private final SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private static final LoopSettings FAST =
      new LoopSettings(
          Duration.ofMillis(20),
          Duration.ofMillis(10),
          Duration.ofMillis(40),
          Duration.ofSeconds(5));

  @BeforeAll
  static void open() {
    TestDatabase t = TestPostgres.freshDatabase("DaemonLoopTest");
    db = CairnDatabase.open(t.jdbcUrl(), t.user(), t.password(), 2, "loop-test");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private DaemonLoop loop(String instance, Daemon daemon, DaemonContext context) {
    return new DaemonLoop(daemon, context, new Heartbeat(db.dsl(), context, "h1", 42), FAST);
  }

  @Test
  void onePassWritesTheHeartbeat() {
    DaemonContext context = DaemonContext.of("counter", "one", clock);
    DaemonLoop loop = loop("one", () -> new PassResult(3, 7), context);
    assertEquals(new PassResult(3, 7), loop.runOnce());
    Record row =
        db.dsl()
            .selectFrom(DAEMON_HEARTBEAT)
            .where(DAEMON_HEARTBEAT.DAEMON.eq("counter"))
            .and(DAEMON_HEARTBEAT.INSTANCE.eq("one"))
            .fetchOne();
    assertEquals(3L, row.get(DAEMON_HEARTBEAT.ITEMS_DONE));
    assertEquals(7L, row.get(DAEMON_HEARTBEAT.BACKLOG));
    assertEquals(42L, row.get(DAEMON_HEARTBEAT.PID));
    assertEquals(clock.instant(), row.get(DAEMON_HEARTBEAT.BEAT_AT).toInstant());
  }

  @Test
  void aFailingItemIsSkippedAndTheOthersAreDone() {
    DaemonContext context = DaemonContext.of("items", "one", clock);
    List<Integer> done = new ArrayList<>();
    ItemLoop.Outcome outcome =
        context
            .items()
            .forEach(
                List.of(1, 2, 3, 4),
                i -> "item " + i,
                i -> {
                  if (i == 2) {
                    throw new IllegalStateException("bad item");
                  }
                  done.add(i);
                });
    assertEquals(List.of(1, 3, 4), done);
    assertEquals(new ItemLoop.Outcome(3, 1, 0), outcome);
  }

  @Test
  void failingPassesBackOffAndTheLoopKeepsGoingUntilStopped() throws Exception {
    DaemonContext context = DaemonContext.of("flaky", "one", clock);
    AtomicInteger passes = new AtomicInteger();
    Daemon flaky =
        () -> {
          if (passes.incrementAndGet() % 2 == 1) {
            throw new IllegalStateException("database unreachable");
          }
          return PassResult.did(1);
        };
    DaemonLoop loop = loop("one", flaky, context);
    Thread t = new Thread(loop::runUntilStopped);
    t.start();
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (passes.get() < 6 && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertTrue(loop.stopAndWait(), "loop stops when asked");
    t.join(2000);
    assertTrue(passes.get() >= 6, "kept passing after failures: " + passes.get());
    long items =
        db.dsl()
            .select(DAEMON_HEARTBEAT.ITEMS_DONE)
            .from(DAEMON_HEARTBEAT)
            .where(DAEMON_HEARTBEAT.DAEMON.eq("flaky"))
            .fetchOne(DAEMON_HEARTBEAT.ITEMS_DONE);
    assertTrue(items >= 3, "successful passes counted: " + items);
  }

  @Test
  void stopFinishesTheCurrentItemAndLeavesTheRest() {
    DaemonContext context = DaemonContext.of("stopper", "one", clock);
    List<Integer> done = new ArrayList<>();
    ItemLoop.Outcome outcome =
        context
            .items()
            .forEach(
                List.of(1, 2, 3),
                i -> "item " + i,
                i -> {
                  done.add(i);
                  context.stop().raise();
                });
    assertEquals(List.of(1), done);
    assertEquals(new ItemLoop.Outcome(1, 0, 2), outcome);
  }

  @Test
  void settingsAreTypedAndNameTheKey() {
    DaemonSettings s =
        new DaemonSettings("transitioner", java.util.Map.of("batch", "abc", "sleep", "250ms"));
    assertEquals(Duration.ofMillis(250), s.duration("sleep", Duration.ZERO));
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> s.integer("batch", 1));
    assertTrue(e.getMessage().contains("daemons.transitioner.batch"), e.getMessage());
  }
}
