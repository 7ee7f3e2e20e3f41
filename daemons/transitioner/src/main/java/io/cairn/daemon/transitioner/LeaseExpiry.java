package io.cairn.daemon.transitioner;

import io.cairn.schema.state.InputGroupState;
import io.cairn.schema.state.LeaseEvent;
import io.cairn.schema.state.LeaseState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Expires one batch of leases past their deadline in a single statement: each lease goes ACTIVE to
 * EXPIRED, its input group counts the failed attempt and goes back to READY (RETRY) or to ERROR
 * (GIVE_UP, after its last attempt) as {@code InputGroupLifecycle.failedAttempt} says, the host's
 * {@code expired_count} grows, and every change writes its {@code state_change} audit row, as
 * {@code Transitions.applyIfIn} would, row by row.
 *
 * <p>It does not go through {@code Transitions.applyAllIfIn}, the batch form: that moves all its
 * rows by one event, while one expiry batch mixes RETRY and GIVE_UP by each group's attempts, and
 * it would take four statements where this takes one, with the database's clock instead of the
 * daemon's in the audit rows. The target states still come from the same tables ({@link
 * FailedAttemptSql}).
 *
 * <p>Rows another transaction holds (an upload arriving for the same lease at this moment) are
 * skipped ({@code SKIP LOCKED}) and every update re-checks the state it expects, so several
 * transitioners, and the server, can run at once without handling anything twice.
 */
final class LeaseExpiry {
  /** What one batch did. */
  record Batch(int leasesExpired, int groupsRetried, int groupsGivenUp) {}

  private static final String LAST = "(d.attempts >= d.max_attempts)";

  private static final String SQL =
      """
      WITH d AS (
        SELECT l.id AS lease_id, l.host_id, g.id AS group_id, g.state AS group_state,
               g.attempts, g.max_attempts
        FROM lease l JOIN input_group g ON g.id = l.input_group_id
        WHERE l.state = 'ACTIVE' AND l.deadline <= ?::timestamptz
        ORDER BY l.deadline
        LIMIT ?
        FOR UPDATE OF l, g SKIP LOCKED
      ),
      expired AS (
        UPDATE lease l SET state = '%1$s', finished_at = ?::timestamptz, outcome_reason = 'deadline passed'
        FROM d WHERE l.id = d.lease_id AND l.state = 'ACTIVE'
        RETURNING d.*
      ),
      moves AS (
        SELECT d.*, %2$s AS to_state, %3$s AS event FROM expired d
      ),
      groups AS (
        UPDATE input_group g
        SET state = m.to_state, next_transition_at = NULL, updated_at = ?::timestamptz,
            cached_by = NULL, cached_at = NULL,
            error_reason = CASE WHEN m.event = 'GIVE_UP'
                THEN 'gave up after ' || m.attempts || ' attempts; last: lease expired'
                ELSE g.error_reason END
        FROM moves m
        WHERE g.id = m.group_id AND g.state = m.group_state AND m.to_state IS NOT NULL
        RETURNING g.id, m.group_state, m.to_state, m.event
      ),
      audit_leases AS (
        INSERT INTO state_change (entity, entity_id, from_state, to_state, event, actor, reason, changed_at)
        SELECT 'LEASE', lease_id, 'ACTIVE', '%1$s', '%4$s', ?, 'deadline passed', ?::timestamptz FROM expired
      ),
      audit_groups AS (
        INSERT INTO state_change (entity, entity_id, from_state, to_state, event, actor, reason, changed_at)
        SELECT 'INPUT_GROUP', id, group_state, to_state, event, ?, 'lease expired', ?::timestamptz FROM groups
      ),
      hosts AS (
        SELECT host_id, count(*) AS n FROM expired GROUP BY host_id ORDER BY host_id
      )
      SELECT (SELECT count(*) FROM expired) AS leases,
             (SELECT count(*) FROM groups WHERE event = 'RETRY') AS retried,
             (SELECT count(*) FROM groups WHERE event = 'GIVE_UP') AS gave_up,
             (SELECT array_agg(host_id ORDER BY host_id) FROM hosts) AS host_ids,
             (SELECT array_agg(n ORDER BY host_id) FROM hosts) AS host_counts
      """
          .formatted(
              FailedAttemptSql.expiredLease().name(),
              FailedAttemptSql.groupTargetCase("d.group_state", LAST),
              FailedAttemptSql.groupEventCase(LAST),
              LeaseEvent.EXPIRE.name());

  // hosts are locked in id order, so concurrent batches touching the same hosts cannot deadlock
  private static final String LOCK_HOSTS_SQL =
      "SELECT id FROM host WHERE id = ANY(?::bigint[]) ORDER BY id FOR UPDATE";
  private static final String HOSTS_SQL =
      "UPDATE host h SET expired_count = h.expired_count + c.n"
          + " FROM unnest(?::bigint[], ?::bigint[]) AS c(host_id, n) WHERE h.id = c.host_id";

  private static final String BACKLOG_SQL =
      "SELECT count(*) FROM (SELECT 1 FROM lease WHERE state = 'ACTIVE' AND deadline <= ?::timestamptz LIMIT ?) x";

  static {
    // the statement above assumes these names; fail at class load if the tables change them
    if (FailedAttemptSql.expiredLease() != LeaseState.EXPIRED
        || InputGroupState.valueOf("READY") != InputGroupState.READY) {
      throw new IllegalStateException("lease/input-group tables changed; revisit LeaseExpiry");
    }
  }

  private LeaseExpiry() {}

  /**
   * Expires up to {@code limit} leases whose deadline is at or before {@code now}, in one
   * transaction.
   */
  static Batch expire(DSLContext dsl, Instant now, int limit, String actor) {
    OffsetDateTime t = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    return dsl.transactionResult(
        c -> {
          DSLContext tx = c.dsl();
          Record r = tx.fetchOne(SQL, t, limit, t, t, actor, t, actor, t);
          Long[] hostIds = r.get("host_ids", Long[].class);
          Long[] counts = r.get("host_counts", Long[].class);
          if (hostIds != null && hostIds.length > 0) {
            tx.fetch(LOCK_HOSTS_SQL, (Object) hostIds);
            tx.execute(HOSTS_SQL, hostIds, counts);
          }
          return new Batch(
              r.get("leases", Integer.class),
              r.get("retried", Integer.class),
              r.get("gave_up", Integer.class));
        });
  }

  /** How many ACTIVE leases are past their deadline, counting at most {@code cap}. */
  static long backlog(DSLContext dsl, Instant now, long cap) {
    return dsl.fetchOne(BACKLOG_SQL, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), cap)
        .get(0, Long.class);
  }
}
