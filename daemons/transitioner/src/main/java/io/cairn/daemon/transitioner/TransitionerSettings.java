package io.cairn.daemon.transitioner;

import io.cairn.daemon.DaemonSettings;
import java.time.Duration;

/**
 * The transitioner's settings ({@code daemons.transitioner.*}).
 *
 * @param batchSize leases expired per statement ({@code batch-size}, 10000)
 * @param maxBatchesPerPass statements per pass before the heartbeat reports the backlog ({@code
 *     max-batches-per-pass}, 10)
 * @param feederStaleAfter a feeder whose heartbeat is older than this is dead and its cached groups
 *     are freed ({@code feeder-stale-after}, 2m)
 */
public record TransitionerSettings(
    int batchSize, int maxBatchesPerPass, Duration feederStaleAfter) {

  /** Reads and validates the settings. */
  public static TransitionerSettings from(DaemonSettings s) {
    return new TransitionerSettings(
        s.positive("batch-size", 10000),
        s.positive("max-batches-per-pass", 10),
        s.duration("feeder-stale-after", Duration.ofMinutes(2)));
  }
}
