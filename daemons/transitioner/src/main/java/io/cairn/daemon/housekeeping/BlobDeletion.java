package io.cairn.daemon.housekeeping;

import io.cairn.blob.BlobKey;
import io.cairn.blob.BlobStore;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Deletes the blobs of uploads nobody needs any more: those of finished input groups (ASSIMILATED,
 * ERROR, CANCELLED) older than the retention, and invalid proofs checked longer ago than the
 * retention. One batch per transaction: the rows are locked ({@code SKIP LOCKED}), each blob is
 * deleted (a missing blob is fine: the delete is idempotent), and the rows are marked {@code
 * blob_deleted_at} in one statement. A crash in between only means the deletes are repeated.
 */
final class BlobDeletion {
  private static final String DUE =
      """
      SELECT u.id, u.blob_key FROM upload u
      JOIN lease l ON l.id = u.lease_id
      JOIN input_group g ON g.id = l.input_group_id
      WHERE u.blob_deleted_at IS NULL
        AND ((g.state IN ('ASSIMILATED', 'ERROR', 'CANCELLED') AND g.updated_at < ?::timestamptz)
             OR (u.state = 'INVALID' AND u.checked_at < ?::timestamptz))
        AND NOT EXISTS (
          SELECT 1 FROM upload o JOIN lease ol ON ol.id = o.lease_id
          JOIN input_group og ON og.id = ol.input_group_id
          WHERE o.blob_key = u.blob_key AND o.id <> u.id AND o.blob_deleted_at IS NULL
            AND og.state NOT IN ('ASSIMILATED', 'ERROR', 'CANCELLED') AND o.state <> 'INVALID')
      LIMIT ?
      FOR UPDATE OF u SKIP LOCKED
      """;

  private BlobDeletion() {}

  /** Deletes one batch; returns how many uploads' blobs were deleted. */
  static int deleteBatch(DSLContext dsl, BlobStore blobs, Instant now, Instant cutoff, int limit) {
    OffsetDateTime t = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    OffsetDateTime c = OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
    return dsl.transactionResult(
        cfg -> {
          DSLContext tx = cfg.dsl();
          List<Record> due = tx.fetch(DUE, c, c, limit);
          for (Record r : due) {
            blobs.delete(BlobKey.parse(r.get("blob_key", String.class)));
          }
          if (!due.isEmpty()) {
            tx.execute(
                "UPDATE upload SET blob_deleted_at = ?::timestamptz WHERE id = ANY(?::bigint[])",
                t,
                due.stream().map(r -> r.get("id", Long.class)).toArray(Long[]::new));
          }
          return due.size();
        });
  }
}
