package io.cairn.daemon.housekeeping;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/**
 * The kinds of old rows housekeeping deletes, each in batches of {@code LIMIT n} rows per statement
 * (never one row per statement, BOINC's {@code db_purge} lesson).
 */
enum RowPurge {
  /** Audit rows of state changes. */
  STATE_CHANGES(
      "DELETE FROM state_change WHERE id IN"
          + " (SELECT id FROM state_change WHERE changed_at < ?::timestamptz ORDER BY id LIMIT ?)"),
  /** Refresh tokens past their expiry. */
  REFRESH_TOKENS(
      "DELETE FROM refresh_token WHERE id IN"
          + " (SELECT id FROM refresh_token WHERE expires_at < ?::timestamptz LIMIT ?)"),
  /** Finished webhook deliveries (their attempt log goes with them: ON DELETE CASCADE). */
  DELIVERIES(
      "DELETE FROM webhook_delivery WHERE id IN (SELECT id FROM webhook_delivery"
          + " WHERE state <> 'PENDING' AND created_at < ?::timestamptz LIMIT ?)"),
  /** Attempt log rows of deliveries still pending for a long time. */
  DELIVERY_ATTEMPTS(
      "DELETE FROM webhook_delivery_attempt WHERE id IN (SELECT id FROM webhook_delivery_attempt"
          + " WHERE attempted_at < ?::timestamptz LIMIT ?)"),
  /** Heartbeat rows of daemon instances silent for long. */
  HEARTBEATS(
      "DELETE FROM daemon_heartbeat WHERE (daemon, instance) IN (SELECT daemon, instance"
          + " FROM daemon_heartbeat WHERE beat_at < ?::timestamptz LIMIT ?)");

  private final String sql;

  RowPurge(String sql) {
    this.sql = sql;
  }

  /** Deletes up to {@code limit} rows older than {@code cutoff}; returns how many. */
  int deleteBatch(DSLContext dsl, Instant cutoff, int limit) {
    return dsl.execute(sql, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC), limit);
  }
}
