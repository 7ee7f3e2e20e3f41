package io.cairn.server.scheduler;

import static io.cairn.schema.jooq.Tables.DAEMON_HEARTBEAT;
import static io.cairn.schema.jooq.Tables.INPUT_GROUP;

import io.cairn.schema.db.CairnDatabase;
import io.cairn.segment.SegmentWriter;
import io.cairn.segment.SlotEntry;
import io.cairn.segment.WorkKind;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * The feeder's logic run inside the server, for a server without a feeder process (tests, the
 * one-JVM demo, the benchmark): keeps the work segment filled with READY (and EXECUTED, for PROVE
 * leases) input groups, marked {@code cached_by} with its instance id, by {@code FOR UPDATE SKIP
 * LOCKED} batches. The real feeder daemon (daemons/feeder) follows the same contract
 * (work-segment/README.md).
 */
public final class EmbeddedFeeder {
  /** A claim older than this belongs to a scheduler that died. */
  public static final Duration STALE_CLAIM = Duration.ofMinutes(1);

  private final CairnDatabase database;
  private final SegmentWriter writer;
  private final Clock clock;
  private final OffsetDateTime startedAt;
  private long passes;
  private long placedTotal;

  /** Takes over the segment: every row this instance had marked is unmarked. */
  public EmbeddedFeeder(CairnDatabase database, SegmentWriter writer, Clock clock) {
    this.database = database;
    this.writer = writer;
    this.clock = clock;
    this.startedAt = now();
    database
        .dsl()
        .update(INPUT_GROUP)
        .setNull(INPUT_GROUP.CACHED_BY)
        .setNull(INPUT_GROUP.CACHED_AT)
        .where(INPUT_GROUP.CACHED_BY.eq(writer.instanceId()))
        .execute();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** One pass: reclaim stale claims, purge jobs no longer waiting (every 10th pass), refill. */
  public synchronized int runOnePass() {
    passes++;
    unmark(writer.purgeStaleClaims(STALE_CLAIM));
    if (passes % 10 == 0) {
      List<Long> present = writer.presentInputGroupIds();
      if (!present.isEmpty()) {
        Set<Long> waiting =
            new HashSet<>(
                database
                    .dsl()
                    .select(INPUT_GROUP.ID)
                    .from(INPUT_GROUP)
                    .where(INPUT_GROUP.ID.in(present))
                    .and(INPUT_GROUP.STATE.in("READY", "EXECUTED"))
                    .fetch(INPUT_GROUP.ID));
        unmark(writer.purgePresent(waiting::contains));
      }
    }
    int free = writer.emptySlots();
    int placed = 0;
    if (free > 0) {
      List<SlotEntry> jobs = database.dsl().transactionResult(cfg -> take(cfg.dsl(), free));
      placed = writer.fill(jobs);
      if (placed < jobs.size()) {
        unmark(jobs.subList(placed, jobs.size()).stream().map(SlotEntry::inputGroupId).toList());
      }
    }
    placedTotal += placed;
    writer.markRefreshed();
    if (passes % 10 == 1) {
      heartbeat();
    }
    return placed;
  }

  private List<SlotEntry> take(DSLContext tx, int max) {
    List<SlotEntry> jobs = new ArrayList<>();
    for (String state : new String[] {"READY", "EXECUTED"}) {
      if (jobs.size() >= max) {
        break;
      }
      tx.select(
              INPUT_GROUP.ID,
              INPUT_GROUP.PROGRAM_ID,
              INPUT_GROUP.PRIORITY,
              INPUT_GROUP.MAX_STEPS,
              INPUT_GROUP.LEASE_TIMEOUT_SECONDS,
              INPUT_GROUP.INPUT_LEN,
              INPUT_GROUP.EXECUTION_ONLY)
          .from(INPUT_GROUP)
          .where(INPUT_GROUP.STATE.eq(state))
          .and(INPUT_GROUP.CACHED_BY.isNull())
          .orderBy(INPUT_GROUP.PRIORITY.desc(), INPUT_GROUP.ID)
          .limit(max - jobs.size())
          .forUpdate()
          .skipLocked()
          .forEach(
              r -> {
                WorkKind kind =
                    state.equals("EXECUTED")
                        ? WorkKind.PROVE
                        : r.value7() ? WorkKind.EXECUTE : WorkKind.EXECUTE_AND_PROVE;
                jobs.add(
                    new SlotEntry(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        kind,
                        r.value4(),
                        r.value5(),
                        r.value6()));
              });
    }
    if (!jobs.isEmpty()) {
      tx.update(INPUT_GROUP)
          .set(INPUT_GROUP.CACHED_BY, writer.instanceId())
          .set(INPUT_GROUP.CACHED_AT, now())
          .where(INPUT_GROUP.ID.in(jobs.stream().map(SlotEntry::inputGroupId).toList()))
          .execute();
    }
    return jobs;
  }

  private void unmark(List<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    database
        .dsl()
        .update(INPUT_GROUP)
        .setNull(INPUT_GROUP.CACHED_BY)
        .setNull(INPUT_GROUP.CACHED_AT)
        .where(INPUT_GROUP.ID.in(ids))
        .and(INPUT_GROUP.CACHED_BY.eq(writer.instanceId()))
        .execute();
  }

  private void heartbeat() {
    OffsetDateTime now = now();
    database
        .dsl()
        .insertInto(DAEMON_HEARTBEAT)
        .set(DAEMON_HEARTBEAT.DAEMON, "feeder")
        .set(DAEMON_HEARTBEAT.INSTANCE, writer.instanceId())
        .set(DAEMON_HEARTBEAT.HOSTNAME, "embedded")
        .set(DAEMON_HEARTBEAT.PID, ProcessHandle.current().pid())
        .set(DAEMON_HEARTBEAT.STARTED_AT, startedAt)
        .set(DAEMON_HEARTBEAT.BEAT_AT, now)
        .set(DAEMON_HEARTBEAT.ITEMS_DONE, placedTotal)
        .set(DAEMON_HEARTBEAT.BACKLOG, 0L)
        .onConflict(DAEMON_HEARTBEAT.DAEMON, DAEMON_HEARTBEAT.INSTANCE)
        .doUpdate()
        .set(DAEMON_HEARTBEAT.BEAT_AT, now)
        .set(DAEMON_HEARTBEAT.ITEMS_DONE, placedTotal)
        .execute();
  }
}
