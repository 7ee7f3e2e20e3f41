package io.cairn.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which daemons a process runs and how ({@code daemons.*}).
 *
 * <p>Adding a daemon: add its name to {@link #KNOWN_DAEMONS} and a {@code daemons.<name>.sleep}
 * line to {@code cairn-defaults.properties}.
 *
 * @param enabled {@code daemons.run}: the daemons to run, in the given order, no duplicates
 * @param sleepAfterIdlePass {@code daemons.<name>.sleep} for every known daemon: how long it waits
 *     after a pass that found nothing to do
 * @param feederSegmentFile {@code daemons.feeder.segment-file}: the memory-mapped job array
 * @param feederSegmentSlots {@code daemons.feeder.segment-slots}: jobs the segment holds
 * @param housekeepingRetention {@code daemons.housekeeping.retention}: how long blobs of finished
 *     jobs are kept
 */
public record DaemonsConfig(
    List<String> enabled,
    Map<String, Duration> sleepAfterIdlePass,
    Path feederSegmentFile,
    int feederSegmentSlots,
    Duration housekeepingRetention) {

  /** The daemons Cairn has. */
  public static final List<String> KNOWN_DAEMONS =
      List.of("feeder", "transitioner", "validator", "assimilator", "housekeeping");

  public DaemonsConfig {
    enabled = List.copyOf(enabled);
    sleepAfterIdlePass = Map.copyOf(sleepAfterIdlePass);
    Objects.requireNonNull(feederSegmentFile, "feederSegmentFile");
    Objects.requireNonNull(housekeepingRetention, "housekeepingRetention");
  }

  /** Whether this process runs the daemon called {@code name}. */
  public boolean runs(String name) {
    return enabled.contains(name);
  }

  /**
   * The idle sleep of a known daemon.
   *
   * @throws IllegalArgumentException if {@code name} is not in {@link #KNOWN_DAEMONS}
   */
  public Duration sleepOf(String name) {
    Duration sleep = sleepAfterIdlePass.get(name);
    if (sleep == null) {
      throw new IllegalArgumentException(
          "unknown daemon '" + name + "'; known: " + String.join(", ", KNOWN_DAEMONS));
    }
    return sleep;
  }

  static DaemonsConfig read(SettingsReader settings) {
    List<String> enabled = settings.list("daemons.run");
    for (String name : enabled) {
      if (!KNOWN_DAEMONS.contains(name)) {
        settings.problem(
            "daemons.run",
            "\""
                + name
                + "\" is not a daemon: expected names from "
                + String.join(", ", KNOWN_DAEMONS));
      }
    }
    if (enabled.stream().distinct().count() != enabled.size()) {
      settings.problem("daemons.run", "names a daemon more than once");
    }
    Map<String, Duration> sleep = new LinkedHashMap<>();
    for (String name : KNOWN_DAEMONS) {
      sleep.put(
          name,
          settings.duration(
              "daemons." + name + ".sleep", Duration.ofMillis(10), Duration.ofDays(1)));
    }
    return new DaemonsConfig(
        enabled,
        sleep,
        settings.path("daemons.feeder.segment-file"),
        settings.integer("daemons.feeder.segment-slots", 1, 1_000_000),
        settings.duration("daemons.housekeeping.retention", Duration.ZERO, Duration.ofDays(3650)));
  }
}
