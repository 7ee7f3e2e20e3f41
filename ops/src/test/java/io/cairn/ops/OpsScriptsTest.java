package io.cairn.ops;

import static io.cairn.schema.jooq.Tables.DAEMON_HEARTBEAT;
import static io.cairn.schema.jooq.Tables.INPUT_GROUP;
import static io.cairn.schema.jooq.Tables.ORGANIZATION;
import static io.cairn.schema.jooq.Tables.WEBHOOK;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.daemon.testing.WorkFixtures;
import io.cairn.schema.db.CairnDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ops scripts (bin/xadd, create_work, start, status, start --cron, stop) as an operator runs
 * them.
 */
class OpsScriptsTest {
  @TempDir Path dir;
  private OpsFixture ops;

  @AfterEach
  void stopAll() throws Exception {
    if (ops != null) {
      ops.script("stop");
    }
  }

  static void await(String what, Duration limit, BooleanSupplier done) throws InterruptedException {
    long until = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  private long pid(String daemon) throws Exception {
    return Long.parseLong(Files.readString(dir.resolve("var/run/" + daemon + ".pid")).trim());
  }

  @Test
  void xaddCreateWorkStartStatusCronStop() throws Exception {
    ops = new OpsFixture("OpsScriptsTest", dir, "transitioner");
    try (CairnDatabase db =
        CairnDatabase.open(
            ops.database.jdbcUrl(), ops.database.user(), ops.database.password(), 2, "ops-test")) {
      DSLContext dsl = db.dsl();
      Path project = dir.resolve("project.conf");
      Files.writeString(
          project,
          "organization acme\n  public-name = Acme Research\n  webhook = https://acme.example/h\n");

      OpsFixture.Run first = ops.script("xadd", project.toString());
      assertEquals(0, first.exit(), first.output());
      assertTrue(first.output().contains("organization acme: added"), first.output());
      OpsFixture.Run again = ops.script("xadd", project.toString());
      assertTrue(again.output().contains("organization acme: unchanged"), again.output());
      assertEquals(1, dsl.fetchCount(ORGANIZATION));
      assertEquals(1, dsl.fetchCount(WEBHOOK));

      long org = dsl.select(ORGANIZATION.ID).from(ORGANIZATION).fetchOne().value1();
      new WorkFixtures(dsl).program(org, "collatz", "programs/" + "ab".repeat(32), 3);
      Path work = dir.resolve("work.txt");
      Files.writeString(work, "# three jobs\nn27: 27\nn97: 0x61\n1, 2, 3\n");
      OpsFixture.Run created =
          ops.script("create_work", "--org", "acme", "--program", "collatz", work.toString());
      assertEquals(0, created.exit(), created.output());
      assertEquals(3, dsl.fetchCount(INPUT_GROUP, INPUT_GROUP.STATE.eq("READY")));
      assertArrayEquals(
          WorkFixtures.felts(97),
          dsl.select(INPUT_GROUP.INPUT)
              .from(INPUT_GROUP)
              .where(INPUT_GROUP.NAME.eq("n97"))
              .fetchOne()
              .value1());

      OpsFixture.Run started = ops.script("start");
      assertEquals(0, started.exit(), started.output());
      await("the heartbeat", Duration.ofSeconds(60), () -> dsl.fetchCount(DAEMON_HEARTBEAT) == 1);
      OpsFixture.Run status = ops.script("status");
      assertTrue(status.output().matches("(?s).*transitioner\\s+running.*"), status.output());

      long before = pid("transitioner");
      ProcessHandle.of(before).orElseThrow().destroyForcibly();
      await("the kill", Duration.ofSeconds(10), () -> ProcessHandle.of(before).isEmpty());
      assertEquals(0, ops.script("start", "--cron").exit());
      long after = pid("transitioner");
      assertNotEquals(before, after);
      assertTrue(ProcessHandle.of(after).isPresent(), "cron restarted the dead daemon");

      OpsFixture.Run stopped = ops.script("stop");
      assertTrue(stopped.output().contains("transitioner: stopped"), stopped.output());
      assertFalse(ProcessHandle.of(after).map(ProcessHandle::isAlive).orElse(false));
      ops.script("start", "--cron");
      assertFalse(Files.exists(dir.resolve("var/run/transitioner.pid")), "cron respects bin/stop");
      assertEquals(
          List.of(), List.of(dir.resolve("var/run").toFile().list((d, n) -> n.endsWith(".pid"))));
    }
  }
}
