package io.cairn.daemon.feeder;

import io.cairn.daemon.DaemonSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The feeder's settings ({@code daemons.feeder.*}).
 *
 * @param segmentPath the memory-mapped segment file the schedulers on this host read ({@code
 *     segment-path}, {@code var/work.segment})
 * @param slots the number of job slots ({@code slots}, 100, BOINC's default)
 * @param claimTimeout a slot a scheduler claimed longer ago than this is reclaimed (the scheduler
 *     died) ({@code claim-timeout}, 1m)
 * @param maxPriorityLevels priority levels looked at per pass ({@code max-priority-levels}, 8)
 */
public record FeederSettings(
    Path segmentPath, int slots, Duration claimTimeout, int maxPriorityLevels) {

  /** Reads and validates the settings. */
  public static FeederSettings from(DaemonSettings s) {
    return new FeederSettings(
        Path.of(s.string("segment-path", "var/work.segment")),
        s.positive("slots", 100),
        s.duration("claim-timeout", Duration.ofMinutes(1)),
        s.positive("max-priority-levels", 8));
  }
}
