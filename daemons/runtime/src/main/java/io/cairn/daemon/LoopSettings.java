package io.cairn.daemon;

import java.time.Duration;

/**
 * How the shared loop paces a daemon.
 *
 * @param idleSleep how long to sleep after a pass that found nothing to do (BOINC's {@code
 *     sleep_interval}, 5 s by default)
 * @param minErrorBackoff the first wait after a failed pass (the database is down); doubled after
 *     each further failure
 * @param maxErrorBackoff the longest wait between failed passes
 * @param shutdownGrace how long SIGTERM waits for the current item to finish
 */
public record LoopSettings(
    Duration idleSleep,
    Duration minErrorBackoff,
    Duration maxErrorBackoff,
    Duration shutdownGrace) {

  /** BOINC-like defaults: 5 s idle sleep, 1 s to 60 s error back-off, 30 s shutdown grace. */
  public static LoopSettings defaults() {
    return new LoopSettings(
        Duration.ofSeconds(5),
        Duration.ofSeconds(1),
        Duration.ofSeconds(60),
        Duration.ofSeconds(30));
  }

  /** These settings with another idle sleep. */
  public LoopSettings withIdleSleep(Duration sleep) {
    return new LoopSettings(sleep, minErrorBackoff, maxErrorBackoff, shutdownGrace);
  }
}
