package io.cairn.daemon.transitioner;

import static io.cairn.schema.jooq.Tables.INPUT_GROUP;
import static io.cairn.schema.jooq.Tables.LEASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.daemon.DaemonContext;
import io.cairn.daemon.DaemonLoop;
import io.cairn.daemon.Heartbeat;
import io.cairn.daemon.LoopSettings;
import io.cairn.daemon.testing.WorkFixtures;
import io.cairn.pg.EmbeddedPostgresServer;
import io.cairn.schema.db.CairnDatabase;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real PostgreSQL restart in the middle of a run: the server (owned by this test, with its own
 * data directory and port) is stopped while a transitioner works through expired leases, stays down
 * for a while, and starts again on the same data. The daemon's passes fail and back off meanwhile;
 * afterwards it reconnects and finishes, and every lease is expired exactly once.
 */
class PostgresRestartTest {
  private static final int N = 1_500;
  @TempDir Path dir;

  @Test
  void transitionerReconnectsAfterPostgresRestartsAndRepeatsNothing() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir, port);
    try (CairnDatabase db =
        CairnDatabase.open(pg.jdbcUrl("postgres"), pg.user(), "", 2, "restart-test")) {
      DSLContext dsl = db.dsl();
      WorkFixtures fx = new WorkFixtures(dsl);
      long program =
          fx.program(fx.organization("restart-org"), "p", "programs/" + "ab".repeat(32), 3);
      long host = fx.host();
      fx.bulkLeased(program, host, N, Instant.now().minusSeconds(60));
      LongSupplier expired = () -> dsl.fetchCount(LEASE, LEASE.STATE.eq("EXPIRED"));

      DaemonContext context = DaemonContext.of("transitioner", "restart", Clock.systemUTC());
      Transitioner transitioner =
          new Transitioner(dsl, context, new TransitionerSettings(10, 1, Duration.ofMinutes(2)));
      DaemonLoop loop =
          new DaemonLoop(
              transitioner,
              context,
              new Heartbeat(dsl, context, "test-host", ProcessHandle.current().pid()),
              new LoopSettings(
                  Duration.ofMillis(20),
                  Duration.ofMillis(200),
                  Duration.ofSeconds(1),
                  Duration.ofSeconds(10)));
      Thread worker = new Thread(loop::runUntilStopped, "transitioner-under-test");
      worker.start();
      try {
        await("a first batch", () -> expired.getAsLong() >= 200);
        long beforeOutage = expired.getAsLong();
        pg.close(); // the database goes away mid-run
        assertTrue(beforeOutage < N / 2, "the outage came mid-run: " + beforeOutage + " done");
        Thread.sleep(2_000); // passes fail and back off meanwhile
        assertTrue(worker.isAlive(), "the daemon outlives the outage");
        pg = EmbeddedPostgresServer.start(dir, port); // same data, same port
        await("all leases expired", () -> expired.getAsLong() == N);
      } finally {
        assertTrue(loop.stopAndWait(), "the loop stops cleanly");
      }

      assertEquals(N, fx.auditCount("LEASE", "EXPIRE"), "each expiry audited");
      assertEquals(1, fx.maxAuditPerRow("LEASE", "EXPIRE"), "no lease expired twice");
      assertEquals(1, fx.maxAuditPerRow("INPUT_GROUP", "RETRY"), "no group retried twice");
      assertEquals(
          N,
          dsl.fetchCount(
              INPUT_GROUP, INPUT_GROUP.STATE.eq("READY").and(INPUT_GROUP.ATTEMPTS.eq(1))));
    } finally {
      pg.close();
    }
  }

  private static void await(String what, java.util.function.BooleanSupplier done)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (true) {
      try {
        if (done.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException e) {
        // the database is still coming back: ask again
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }
}
