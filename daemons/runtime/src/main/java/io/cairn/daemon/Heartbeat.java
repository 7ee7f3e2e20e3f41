package io.cairn.daemon;

import static io.cairn.schema.jooq.Tables.DAEMON_HEARTBEAT;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/**
 * The {@code daemon_heartbeat} row of one daemon instance: created (or taken over) at start,
 * updated after every pass with the time, the running count of items done and the backlog. The
 * status page, {@code bin/status} and the transitioner (to find dead feeders) read it.
 */
public final class Heartbeat {
  private final DSLContext dsl;
  private final DaemonContext context;
  private final String hostname;
  private final long pid;
  private long itemsDone;

  public Heartbeat(DSLContext dsl, DaemonContext context, String hostname, long pid) {
    this.dsl = dsl;
    this.context = context;
    this.hostname = hostname;
    this.pid = pid;
  }

  /** Writes the row as a fresh start: started_at = beat_at = now, counters at zero. */
  public void started() {
    OffsetDateTime now = now();
    dsl.insertInto(DAEMON_HEARTBEAT)
        .set(DAEMON_HEARTBEAT.DAEMON, context.daemon())
        .set(DAEMON_HEARTBEAT.INSTANCE, context.instance())
        .set(DAEMON_HEARTBEAT.HOSTNAME, hostname)
        .set(DAEMON_HEARTBEAT.PID, pid)
        .set(DAEMON_HEARTBEAT.STARTED_AT, now)
        .set(DAEMON_HEARTBEAT.BEAT_AT, now)
        .set(DAEMON_HEARTBEAT.ITEMS_DONE, 0L)
        .set(DAEMON_HEARTBEAT.BACKLOG, 0L)
        .onConflict(DAEMON_HEARTBEAT.DAEMON, DAEMON_HEARTBEAT.INSTANCE)
        .doUpdate()
        .set(DAEMON_HEARTBEAT.HOSTNAME, hostname)
        .set(DAEMON_HEARTBEAT.PID, pid)
        .set(DAEMON_HEARTBEAT.STARTED_AT, now)
        .set(DAEMON_HEARTBEAT.BEAT_AT, now)
        .set(DAEMON_HEARTBEAT.ITEMS_DONE, 0L)
        .set(DAEMON_HEARTBEAT.BACKLOG, 0L)
        .execute();
    itemsDone = 0;
  }

  /** Records a finished pass. */
  public void beat(PassResult pass) {
    itemsDone += pass.itemsDone();
    int updated =
        dsl.update(DAEMON_HEARTBEAT)
            .set(DAEMON_HEARTBEAT.BEAT_AT, now())
            .set(DAEMON_HEARTBEAT.ITEMS_DONE, itemsDone)
            .set(DAEMON_HEARTBEAT.BACKLOG, pass.backlog())
            .set(DAEMON_HEARTBEAT.PID, pid)
            .where(DAEMON_HEARTBEAT.DAEMON.eq(context.daemon()))
            .and(DAEMON_HEARTBEAT.INSTANCE.eq(context.instance()))
            .execute();
    if (updated == 0) {
      // the row was purged (or never written because the database was down at start)
      long carried = itemsDone;
      started();
      itemsDone = carried;
      beat(PassResult.idle());
    }
  }

  /** Items done since start, as the heartbeat row says. */
  public long itemsDone() {
    return itemsDone;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(context.clock().instant(), ZoneOffset.UTC);
  }
}
