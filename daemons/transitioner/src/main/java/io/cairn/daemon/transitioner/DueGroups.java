package io.cairn.daemon.transitioner;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/**
 * Input groups whose {@code next_transition_at} has come but which have no lease left to expire
 * (the proof arrived, the lease was abandoned or cancelled): their timer is set to the deadline of
 * their remaining ACTIVE lease, or cleared, so the index of due groups holds only real work.
 */
final class DueGroups {
  private static final String SQL =
      """
      WITH due AS (
        SELECT g.id FROM input_group g
        WHERE g.next_transition_at <= ?::timestamptz
          AND NOT EXISTS (SELECT 1 FROM lease l
                          WHERE l.input_group_id = g.id AND l.state = 'ACTIVE' AND l.deadline <= ?::timestamptz)
        ORDER BY g.next_transition_at
        LIMIT ?
        FOR UPDATE OF g SKIP LOCKED
      )
      UPDATE input_group g
      SET next_transition_at = (SELECT min(l.deadline) FROM lease l
                                WHERE l.input_group_id = g.id AND l.state = 'ACTIVE')
      FROM due WHERE g.id = due.id
      """;

  private DueGroups() {}

  /** Settles up to {@code limit} due groups; returns how many. */
  static int settle(DSLContext dsl, Instant now, int limit) {
    OffsetDateTime t = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    return dsl.execute(SQL, t, t, limit);
  }
}
