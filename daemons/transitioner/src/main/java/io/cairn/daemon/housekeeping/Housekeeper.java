package io.cairn.daemon.housekeeping;

import io.cairn.blob.BlobStore;
import io.cairn.daemon.Daemon;
import io.cairn.daemon.DaemonContext;
import io.cairn.daemon.PassResult;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Housekeeping (BOINC's {@code file_deleter} and {@code db_purge}): deletes the blobs of finished
 * work after a retention period and purges old rows (audit, expired refresh tokens, finished
 * webhook deliveries and their log, silent heartbeats), all in batches. Several instances may run:
 * blob batches are claimed with {@code SKIP LOCKED} and row deletes are idempotent.
 */
public final class Housekeeper implements Daemon {
  private static final Logger log = LoggerFactory.getLogger(Housekeeper.class);

  private final DSLContext dsl;
  private final DaemonContext context;
  private final BlobStore blobs;
  private final HousekeepingSettings settings;

  public Housekeeper(
      DSLContext dsl, DaemonContext context, BlobStore blobs, HousekeepingSettings settings) {
    this.dsl = dsl;
    this.context = context;
    this.blobs = blobs;
    this.settings = settings;
  }

  @Override
  public PassResult runOnePass() {
    Instant now = context.clock().instant();
    long done = 0;
    int blobsDeleted = 0;
    for (int i = 0; i < settings.maxBatchesPerPass() && !context.stop().isRaised(); i++) {
      int n =
          BlobDeletion.deleteBatch(
              dsl, blobs, now, now.minus(settings.blobRetention()), settings.batchSize());
      blobsDeleted += n;
      if (n < settings.batchSize()) {
        break;
      }
    }
    done += blobsDeleted;
    Map<RowPurge, Integer> purged = new EnumMap<>(RowPurge.class);
    for (RowPurge kind : RowPurge.values()) {
      Instant cutoff = now.minus(retention(kind));
      int total = 0;
      for (int i = 0; i < settings.maxBatchesPerPass() && !context.stop().isRaised(); i++) {
        int n = kind.deleteBatch(dsl, cutoff, settings.batchSize());
        total += n;
        if (n < settings.batchSize()) {
          break;
        }
      }
      if (total > 0) {
        purged.put(kind, total);
      }
      done += total;
    }
    if (done > 0) {
      log.info("{}: deleted {} blobs, purged rows {}", context.actor(), blobsDeleted, purged);
    }
    return PassResult.did(done);
  }

  private Duration retention(RowPurge kind) {
    return switch (kind) {
      case STATE_CHANGES -> settings.auditRetention();
      case REFRESH_TOKENS -> settings.tokenGrace();
      case DELIVERIES, DELIVERY_ATTEMPTS -> settings.deliveryRetention();
      case HEARTBEATS -> settings.heartbeatRetention();
    };
  }
}
