package io.cairn.daemon.housekeeping;

import io.cairn.daemon.DaemonSettings;
import java.time.Duration;

/**
 * Housekeeping's settings ({@code daemons.housekeeping.*}).
 *
 * @param blobRetention how long proof and trace blobs are kept after their input group finished
 *     (ASSIMILATED, ERROR, CANCELLED) or after they were found invalid ({@code blob-retention}, 7d)
 * @param auditRetention how long {@code state_change} rows are kept ({@code audit-retention}, 90d)
 * @param deliveryRetention how long finished webhook deliveries and their attempt log are kept
 *     ({@code delivery-retention}, 30d)
 * @param tokenGrace how long expired refresh tokens are kept ({@code token-grace}, 1d)
 * @param heartbeatRetention how long the heartbeat row of a silent daemon instance is kept ({@code
 *     heartbeat-retention}, 7d)
 * @param batchSize rows per statement ({@code batch-size}, 1000)
 * @param maxBatchesPerPass statements per kind of row and pass ({@code max-batches-per-pass}, 10)
 */
public record HousekeepingSettings(
    Duration blobRetention,
    Duration auditRetention,
    Duration deliveryRetention,
    Duration tokenGrace,
    Duration heartbeatRetention,
    int batchSize,
    int maxBatchesPerPass) {

  /** Reads and validates the settings. */
  public static HousekeepingSettings from(DaemonSettings s) {
    return new HousekeepingSettings(
        s.duration("blob-retention", Duration.ofDays(7)),
        s.duration("audit-retention", Duration.ofDays(90)),
        s.duration("delivery-retention", Duration.ofDays(30)),
        s.duration("token-grace", Duration.ofDays(1)),
        s.duration("heartbeat-retention", Duration.ofDays(7)),
        s.positive("batch-size", 1000),
        s.positive("max-batches-per-pass", 10));
  }
}
