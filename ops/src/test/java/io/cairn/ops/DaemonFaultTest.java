package io.cairn.ops;

import static io.cairn.schema.jooq.Tables.HOST;
import static io.cairn.schema.jooq.Tables.INPUT_GROUP;
import static io.cairn.schema.jooq.Tables.LEASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.daemon.testing.WorkFixtures;
import io.cairn.schema.db.CairnDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults with real processes: two transitioner JVMs work through 10,000 expired leases; one is
 * killed with SIGKILL in the middle of a pass and restarted, and every backend connection of the
 * database is terminated meanwhile ({@code pg_terminate_backend}, standing in for a PostgreSQL
 * restart). Every lease must be expired exactly once (audit table), every attempt counted once.
 */
class DaemonFaultTest {
  private static final int N = 10_000;
  @TempDir Path dir;

  private static final String[] SMALL_PASSES = {
    "-Dcairn.daemons.transitioner.batch-size=150",
    "-Dcairn.daemons.transitioner.max-batches-per-pass=1"
  };

  private static long expired(DSLContext dsl) {
    return dsl.fetchCount(LEASE, LEASE.STATE.eq("EXPIRED"));
  }

  @Test
  void killedAndDisconnectedTransitionersLoseNothingAndRepeatNothing() throws Exception {
    OpsFixture ops = new OpsFixture("DaemonFaultTest", dir, "transitioner");
    try (CairnDatabase db =
        CairnDatabase.open(
            ops.database.jdbcUrl(),
            ops.database.user(),
            ops.database.password(),
            2,
            "fault-test")) {
      DSLContext dsl = db.dsl();
      WorkFixtures fx = new WorkFixtures(dsl);
      long program =
          fx.program(fx.organization("fault-org"), "p", "programs/" + "ab".repeat(32), 3);
      long host = fx.host();
      fx.bulkLeased(program, host, N, Instant.now().minusSeconds(60));

      long t0 = System.nanoTime();
      Process a = ops.daemon("transitioner", "a", SMALL_PASSES);
      Process b = ops.daemon("transitioner", "b", SMALL_PASSES);
      try {
        OpsScriptsTest.await("a first batch", Duration.ofSeconds(60), () -> expired(dsl) >= 300);
        System.out.printf("first batch after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        a.destroyForcibly().waitFor(); // SIGKILL, most likely inside a batch transaction
        long atKill = expired(dsl);
        assertTrue(atKill < N, "the kill came before the end: " + atKill);

        int terminated =
            dsl.fetchOne(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE datname = ? AND pid <> pg_backend_pid()",
                    ops.database.name())
                .get(0, Integer.class);
        assertTrue(terminated >= 1, "b's connections were cut");

        a = ops.daemon("transitioner", "a", SMALL_PASSES);
        OpsScriptsTest.await("all leases expired", Duration.ofSeconds(90), () -> expired(dsl) == N);
        System.out.printf("all expired after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        assertTrue(b.isAlive(), "b survived losing its connections");
      } finally {
        a.destroy();
        b.destroy();
        a.waitFor();
        b.waitFor();
      }

      assertEquals(N, fx.auditCount("LEASE", "EXPIRE"), "each expiry audited");
      assertEquals(1, fx.maxAuditPerRow("LEASE", "EXPIRE"), "no lease expired twice");
      assertEquals(1, fx.maxAuditPerRow("INPUT_GROUP", "RETRY"), "no group retried twice");
      assertEquals(
          N,
          dsl.fetchCount(
              INPUT_GROUP, INPUT_GROUP.STATE.eq("READY").and(INPUT_GROUP.ATTEMPTS.eq(1))));
      assertEquals(
          N,
          dsl.select(HOST.EXPIRED_COUNT).from(HOST).where(HOST.ID.eq(host)).fetchOne().value1(),
          "host counted once per lease");
      assertEquals(0, dsl.fetchCount(DSL.table("lease"), DSL.field("state").eq("ACTIVE")));
    }
  }
}
