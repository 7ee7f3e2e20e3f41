package io.cairn.client.prefs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalLong;

/**
 * The donor's computing preferences, with BOINC's names and, where BOINC has one, its desktop
 * default ({@code lib/prefs.cpp}). Immutable; a change builds a new instance, and the client picks
 * it up at its next poll (about a second), without a restart.
 *
 * @param maxNcpusPct use at most this percentage of the CPUs (BOINC 0 = all; here 100)
 * @param cpuUsageLimit use at most this percentage of CPU time: workers run and pause in a duty
 *     cycle of about a second (BOINC default 100)
 * @param suspendCpuUsage suspend while the CPU load of everything but Cairn is above this
 *     percentage; 0 disables (BOINC default 25)
 * @param ramMaxUsedBusyPct the client's memory may use at most this percentage of RAM while the
 *     computer is in use (BOINC default 50)
 * @param ramMaxUsedIdlePct the same while it is idle (BOINC default 90)
 * @param idleTimeToRun the computer is in use while there was keyboard or mouse input in the last
 *     this many minutes ({@link InputActivity}; BOINC default 3)
 * @param runIfUserActive compute while the computer is in use (BOINC default true); false suspends
 *     computing until it has been idle for idle_time_to_run minutes
 * @param startHour compute only from this hour (0..24, fractional allowed)...
 * @param endHour ...to this one; equal values mean always; {@code start > end} wraps past midnight
 * @param diskMaxUsedGb the state directory may hold at most this many GB; 0 = no limit (BOINC 0)
 * @param diskInterval seconds between VM checkpoints (BOINC's API default checkpoint period is 300
 *     s; its preference of the same name defaults to 60)
 * @param workBufMinSeconds keep at least this much work queued (BOINC's {@code work_buf_min_days} =
 *     0.1 day)
 * @param workBufAdditionalSeconds and up to this much more (BOINC's {@code
 *     work_buf_additional_days} = 0.5 day)
 * @param leaveAppsInMemory keep a suspended task in memory (true) or checkpoint and unload it
 *     (false, BOINC's default)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Preferences(
    @JsonProperty("max_ncpus_pct") double maxNcpusPct,
    @JsonProperty("cpu_usage_limit") double cpuUsageLimit,
    @JsonProperty("suspend_cpu_usage") double suspendCpuUsage,
    @JsonProperty("ram_max_used_busy_pct") double ramMaxUsedBusyPct,
    @JsonProperty("ram_max_used_idle_pct") double ramMaxUsedIdlePct,
    @JsonProperty("idle_time_to_run") double idleTimeToRun,
    @JsonProperty("run_if_user_active") boolean runIfUserActive,
    @JsonProperty("start_hour") double startHour,
    @JsonProperty("end_hour") double endHour,
    @JsonProperty("disk_max_used_gb") double diskMaxUsedGb,
    @JsonProperty("disk_interval") double diskInterval,
    @JsonProperty("work_buf_min_seconds") double workBufMinSeconds,
    @JsonProperty("work_buf_additional_seconds") double workBufAdditionalSeconds,
    @JsonProperty("leave_apps_in_memory") boolean leaveAppsInMemory) {

  /** BOINC's desktop defaults. */
  public static final Preferences DEFAULTS =
      new Preferences(100, 100, 25, 50, 90, 3, true, 0, 0, 0, 300, 8640, 43200, false);

  /** The names a donor may set. */
  public static final List<String> NAMES =
      List.of(
          "max_ncpus_pct",
          "cpu_usage_limit",
          "suspend_cpu_usage",
          "ram_max_used_busy_pct",
          "ram_max_used_idle_pct",
          "idle_time_to_run",
          "run_if_user_active",
          "start_hour",
          "end_hour",
          "disk_max_used_gb",
          "disk_interval",
          "work_buf_min_seconds",
          "work_buf_additional_seconds",
          "leave_apps_in_memory");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Validates the ranges; a bad value fails with a sentence naming the preference. */
  public Preferences {
    pct("max_ncpus_pct", maxNcpusPct, 1);
    pct("cpu_usage_limit", cpuUsageLimit, 1);
    pct("suspend_cpu_usage", suspendCpuUsage, 0);
    pct("ram_max_used_busy_pct", ramMaxUsedBusyPct, 1);
    pct("ram_max_used_idle_pct", ramMaxUsedIdlePct, 1);
    range("idle_time_to_run", idleTimeToRun, 0, 24 * 60);
    range("start_hour", startHour, 0, 24);
    range("end_hour", endHour, 0, 24);
    range("disk_max_used_gb", diskMaxUsedGb, 0, 1e9);
    range("disk_interval", diskInterval, 1, 86400);
    range("work_buf_min_seconds", workBufMinSeconds, 0, 10 * 86400);
    range("work_buf_additional_seconds", workBufAdditionalSeconds, 0, 10 * 86400);
  }

  private static void pct(String name, double v, double min) {
    range(name, v, min, 100);
  }

  private static void range(String name, double v, double min, double max) {
    if (!(v >= min && v <= max)) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
    }
  }

  /**
   * These preferences with {@code name} set to {@code value} (the control CLI's {@code set-pref}).
   */
  public Preferences with(String name, String value) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("unknown preference " + name + "; known: " + NAMES);
    }
    ObjectNode node = JSON.valueToTree(this);
    if (node.get(name).isBoolean()) {
      if (!value.equals("true") && !value.equals("false")) {
        throw new IllegalArgumentException(name + " is true or false");
      }
      node.put(name, Boolean.parseBoolean(value));
    } else {
      try {
        node.put(name, Double.parseDouble(value));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " takes a number, not '" + value + "'");
      }
    }
    try {
      return JSON.treeToValue(node, Preferences.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
      throw new IllegalArgumentException(cause.getMessage(), e);
    }
  }

  /** How many workers may run on a host with {@code cores} CPUs (at least one). */
  public int maxWorkers(int cores) {
    return Math.max(1, (int) Math.floor(cores * maxNcpusPct / 100.0));
  }

  /**
   * Whether the computer is in use, given the last keyboard or mouse input (epoch ms; empty when
   * the system cannot tell, which counts as in use) at {@code nowMillis}.
   */
  public boolean userActive(OptionalLong lastInputMillis, long nowMillis) {
    return lastInputMillis.isEmpty()
        || nowMillis - lastInputMillis.getAsLong() < idleTimeToRun * 60_000;
  }

  /** Whether {@code hourOfDay} (0..24, fractional) is inside the compute window. */
  public boolean inComputeWindow(double hourOfDay) {
    if (startHour == endHour) {
      return true;
    }
    if (startHour < endHour) {
      return hourOfDay >= startHour && hourOfDay < endHour;
    }
    return hourOfDay >= startHour || hourOfDay < endHour;
  }
}
