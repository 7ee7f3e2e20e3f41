package io.cairn.ops;

import static io.cairn.schema.jooq.Tables.DAEMON_HEARTBEAT;

import io.cairn.config.CairnConfig;
import java.time.Duration;
import java.time.Instant;
import org.jooq.Record;

/** {@code cairn-ops status}: the heartbeat table, with the age of each beat. */
final class StatusCommand {
  private StatusCommand() {}

  static int run(CairnConfig config) {
    try (OpsRuntime ops = OpsRuntime.open(config, "cairn-status")) {
      Instant now = Instant.now();
      System.out.printf(
          "%-14s %-24s %-20s %8s %10s %12s %8s%n",
          "DAEMON", "INSTANCE", "HOST", "PID", "BEAT AGO", "ITEMS DONE", "BACKLOG");
      for (Record r :
          ops.database()
              .dsl()
              .selectFrom(DAEMON_HEARTBEAT)
              .orderBy(DAEMON_HEARTBEAT.DAEMON, DAEMON_HEARTBEAT.INSTANCE)
              .fetch()) {
        Duration ago = Duration.between(r.get(DAEMON_HEARTBEAT.BEAT_AT).toInstant(), now);
        System.out.printf(
            "%-14s %-24s %-20s %8d %9ds %12d %8d%n",
            r.get(DAEMON_HEARTBEAT.DAEMON),
            r.get(DAEMON_HEARTBEAT.INSTANCE),
            r.get(DAEMON_HEARTBEAT.HOSTNAME),
            r.get(DAEMON_HEARTBEAT.PID),
            ago.toSeconds(),
            r.get(DAEMON_HEARTBEAT.ITEMS_DONE),
            r.get(DAEMON_HEARTBEAT.BACKLOG));
      }
      return 0;
    }
  }
}
