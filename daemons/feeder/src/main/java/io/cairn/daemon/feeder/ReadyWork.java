package io.cairn.daemon.feeder;

import io.cairn.segment.SlotEntry;
import io.cairn.segment.WorkKind;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The feeder's SQL: picks ready work fairly and marks it cached by this feeder.
 *
 * <p>Order: highest priority first; within one priority, round-robin across programs (the first
 * group of each program, then the second of each, ...), oldest first within a program, so one
 * organization's million-group batch cannot starve another's ten groups. Ready work is READY groups
 * (kind EXECUTE_AND_PROVE, or EXECUTE for execution-only jobs) and EXECUTED groups waiting for a
 * prover (kind PROVE). Marking is {@code FOR UPDATE SKIP LOCKED} plus a re-check of {@code
 * cached_by IS NULL}, so two feeders never cache the same group.
 */
final class ReadyWork {
  private static final String TOP_PRIORITY =
      """
      SELECT greatest(
        (SELECT max(priority) FROM input_group
          WHERE state = 'READY' AND cached_by IS NULL AND priority < ?),
        (SELECT max(priority) FROM input_group
          WHERE state = 'EXECUTED' AND cached_by IS NULL AND priority < ?))
      """;

  private static final String CANDIDATES =
      """
      SELECT x.id, x.program_id, x.rn FROM program p CROSS JOIN LATERAL (
        SELECT g.id, g.program_id, row_number() OVER (ORDER BY g.id) AS rn
        FROM input_group g
        WHERE g.program_id = p.id AND g.state IN ('READY', 'EXECUTED') AND g.cached_by IS NULL
          AND g.priority = ?
        ORDER BY g.id LIMIT ?) x
      ORDER BY x.rn, x.program_id
      LIMIT ?
      """;

  private static final String MARK =
      """
      UPDATE input_group g SET cached_by = ?, cached_at = ?::timestamptz
      FROM (SELECT id FROM input_group
            WHERE id = ANY(?::bigint[]) AND state IN ('READY', 'EXECUTED') AND cached_by IS NULL
            FOR UPDATE SKIP LOCKED) c
      WHERE g.id = c.id
      RETURNING g.id, g.program_id, g.priority, g.state, g.execution_only, g.max_steps,
                g.lease_timeout_seconds, g.input_len
      """;

  private ReadyWork() {}

  /**
   * Picks up to {@code n} ready groups, marks them {@code cached_by = feeder} and returns them in
   * the order they should fill the slots.
   */
  static List<SlotEntry> take(
      DSLContext dsl, String feeder, Instant now, int n, int maxPriorityLevels) {
    List<Long> order = new ArrayList<>();
    int below = Integer.MAX_VALUE;
    for (int level = 0; level < maxPriorityLevels && order.size() < n; level++) {
      Integer priority = dsl.fetchOne(TOP_PRIORITY, below, below).get(0, Integer.class);
      if (priority == null) {
        break;
      }
      int want = n - order.size();
      for (Record r : dsl.fetch(CANDIDATES, priority, want, want)) {
        order.add(r.get("id", Long.class));
      }
      below = priority;
    }
    if (order.isEmpty()) {
      return List.of();
    }
    Map<Long, SlotEntry> marked = new HashMap<>();
    for (Record r :
        dsl.fetch(
            MARK,
            feeder,
            OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
            (Object) order.toArray(Long[]::new))) {
      SlotEntry e = entry(r);
      marked.put(e.inputGroupId(), e);
    }
    Map<Long, Integer> rank = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      rank.put(order.get(i), i);
    }
    List<SlotEntry> out = new ArrayList<>(marked.values());
    out.sort(Comparator.comparingInt(e -> rank.get(e.inputGroupId())));
    return out;
  }

  private static SlotEntry entry(Record r) {
    WorkKind kind =
        "EXECUTED".equals(r.get("state", String.class))
            ? WorkKind.PROVE
            : Boolean.TRUE.equals(r.get("execution_only", Boolean.class))
                ? WorkKind.EXECUTE
                : WorkKind.EXECUTE_AND_PROVE;
    return new SlotEntry(
        r.get("id", Long.class),
        r.get("program_id", Long.class),
        r.get("priority", Integer.class),
        kind,
        r.get("max_steps", Long.class),
        r.get("lease_timeout_seconds", Integer.class),
        r.get("input_len", Integer.class));
  }

  /** Of {@code ids}, those still ready and cached by {@code feeder}. */
  static List<Long> stillReady(DSLContext dsl, String feeder, List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return dsl.fetch(
            "SELECT id FROM input_group WHERE id = ANY(?::bigint[])"
                + " AND state IN ('READY', 'EXECUTED') AND cached_by = ?",
            ids.toArray(Long[]::new),
            feeder)
        .getValues(0, Long.class);
  }

  /** Clears {@code feeder}'s cache mark on {@code ids}; returns how many were marked. */
  static int unmark(DSLContext dsl, String feeder, List<Long> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    return dsl.execute(
        "UPDATE input_group SET cached_by = NULL, cached_at = NULL"
            + " WHERE id = ANY(?::bigint[]) AND cached_by = ?",
        ids.toArray(Long[]::new),
        feeder);
  }

  /** Clears every cache mark of {@code feeder}, in batches; returns how many. */
  static int unmarkAll(DSLContext dsl, String feeder) {
    int total = 0;
    int n;
    do {
      n =
          dsl.execute(
              "UPDATE input_group SET cached_by = NULL, cached_at = NULL WHERE id IN"
                  + " (SELECT id FROM input_group WHERE cached_by = ? LIMIT 10000)",
              feeder);
      total += n;
    } while (n > 0);
    return total;
  }
}
