package io.cairn.daemon.assimilator;

import io.cairn.daemon.DaemonSettings;
import java.time.Duration;

/**
 * The assimilator's settings ({@code daemons.assimilator.*}).
 *
 * @param batchSize results or deliveries taken per pass and stage ({@code batch-size}, 100)
 * @param pluginMaxAttempts calls of the plugins for one result before giving up ({@code
 *     plugin-max-attempts}, 10)
 * @param webhookMaxAttempts HTTP attempts of one delivery before it is DEAD ({@code
 *     webhook-max-attempts}, 10)
 * @param backoffBase the wait after the first failure, doubled after each next one ({@code
 *     backoff-base}, 30s)
 * @param backoffMax the longest wait between attempts ({@code backoff-max}, 6h)
 * @param claimTimeout how long a claimed delivery is reserved for the instance that claimed it; if
 *     that instance dies, another retries after this ({@code claim-timeout}, 2m)
 * @param httpTimeout connect plus response timeout of one webhook call ({@code http-timeout}, 30s)
 */
public record AssimilatorSettings(
    int batchSize,
    int pluginMaxAttempts,
    int webhookMaxAttempts,
    Duration backoffBase,
    Duration backoffMax,
    Duration claimTimeout,
    Duration httpTimeout) {

  /** Reads and validates the settings. */
  public static AssimilatorSettings from(DaemonSettings s) {
    return new AssimilatorSettings(
        s.positive("batch-size", 100),
        s.positive("plugin-max-attempts", 10),
        s.positive("webhook-max-attempts", 10),
        s.duration("backoff-base", Duration.ofSeconds(30)),
        s.duration("backoff-max", Duration.ofHours(6)),
        s.duration("claim-timeout", Duration.ofMinutes(2)),
        s.duration("http-timeout", Duration.ofSeconds(30)));
  }

  /** The wait after the {@code attempts}-th failure: base × 2^(attempts−1), at most the maximum. */
  public Duration backoffAfter(int attempts) {
    int shift = Math.max(0, Math.min(attempts - 1, 30));
    Duration d = backoffBase.multipliedBy(1L << shift);
    return d.compareTo(backoffMax) > 0 ? backoffMax : d;
  }
}
