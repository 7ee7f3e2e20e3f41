package io.cairn.daemon.transitioner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cairn.daemon.DaemonContext;
import io.cairn.daemon.PassResult;
import io.cairn.daemon.SettableClock;
import io.cairn.daemon.testing.WorkFixtures;
import io.cairn.schema.db.CairnDatabase;
import io.cairn.testkit.pg.TestDatabase;
import io.cairn.testkit.pg.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * The lease-expiry benchmark of docs/bench/daemons.md: 100,000 expired leases (over 100 hosts),
 * expired by one transitioner with the default settings. Skipped unless {@code -Dcairn.bench=true}:
 *
 * <pre>
 * ./mvnw -B -o -f daemons/transitioner/pom.xml verify -Dtest=TransitionerBench -Dcairn.bench=true
 * </pre>
 */
class TransitionerBench {
  @Test
  void expire100kLeases() {
    assumeTrue(Boolean.getBoolean("cairn.bench"), "benchmark: run with -Dcairn.bench=true");
    int leases = Integer.getInteger("cairn.bench.leases", 100_000);
    int hosts = 100;
    TestDatabase t = TestPostgres.freshDatabase("TransitionerBench");
    try (CairnDatabase db = CairnDatabase.open(t.jdbcUrl(), t.user(), t.password(), 4, "bench")) {
      DSLContext dsl = db.dsl();
      WorkFixtures fx = new WorkFixtures(dsl);
      long program = fx.program(fx.organization("bench"), "p", "programs/" + "ab".repeat(32), 3);
      Instant deadline = Instant.parse("2026-03-01T12:00:00Z");
      for (int h = 0; h < hosts; h++) {
        fx.bulkLeased(program, fx.host(), leases / hosts, deadline);
      }
      dsl.execute("VACUUM ANALYZE");
      for (int batch : new int[] {Integer.getInteger("cairn.bench.batch", 10000)}) {
        SettableClock clock = new SettableClock(deadline.plusSeconds(1));
        Transitioner transitioner =
            new Transitioner(
                dsl,
                DaemonContext.of("transitioner", "bench", clock),
                new TransitionerSettings(batch, 10, Duration.ofMinutes(2)));
        long started = System.nanoTime();
        long done = 0;
        int passes = 0;
        for (PassResult p = transitioner.runOnePass();
            p.itemsDone() > 0;
            p = transitioner.runOnePass()) {
          done += p.itemsDone();
          passes++;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
            "BENCH transitioner: %d leases expired in %.2f s (%d passes, batch %d): %.0f leases/s%n",
            done, seconds, passes, batch, done / seconds);
        assertEquals(leases, done);
        assertEquals(leases, fx.auditCount("LEASE", "EXPIRE"));
      }
    }
  }
}
