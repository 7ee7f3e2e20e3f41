package io.cairn.daemon.transitioner;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/**
 * Frees input groups cached by a feeder that is dead: its {@code daemon_heartbeat} row is older
 * than the stale limit, or missing. Such groups carry {@code cached_by} and would never be handed
 * out again; clearing the mark lets any live feeder take them. A feeder that restarts clears its
 * own marks itself; this covers a feeder that never comes back (its host is gone).
 */
final class FeederReclaim {
  private static final String SQL =
      """
      WITH stale AS (
        SELECT g.id FROM input_group g
        WHERE g.cached_by IS NOT NULL AND g.cached_at < ?::timestamptz
          AND NOT EXISTS (SELECT 1 FROM daemon_heartbeat h
                          WHERE h.daemon = 'feeder' AND h.instance = g.cached_by AND h.beat_at >= ?::timestamptz)
        LIMIT ?
        FOR UPDATE OF g SKIP LOCKED
      )
      UPDATE input_group g SET cached_by = NULL, cached_at = NULL
      FROM stale WHERE g.id = stale.id
      """;

  private FeederReclaim() {}

  /**
   * Clears up to {@code limit} cache marks of feeders silent for more than {@code staleAfter}.
   *
   * @return how many groups were freed
   */
  static int reclaim(DSLContext dsl, Instant now, Duration staleAfter, int limit) {
    OffsetDateTime cutoff = OffsetDateTime.ofInstant(now.minus(staleAfter), ZoneOffset.UTC);
    return dsl.execute(SQL, cutoff, cutoff, limit);
  }
}
