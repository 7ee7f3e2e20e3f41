package io.cairn.client;

import io.cairn.client.prefs.HostSensor;
import io.cairn.client.prefs.Preferences;
import io.cairn.client.prefs.SuspendReason;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.OptionalLong;

/**
 * Decides whether computing as a whole is suspended, and why: the donor's request, the time-of-day
 * window, someone using the computer while run_if_user_active is off, non-Cairn CPU load above
 * suspend_cpu_usage (load and input activity sampled about once a second); and whether the client's
 * heap is above the RAM preference of the moment (busy or idle).
 */
final class ActivityMonitor {
  private static final long SAMPLE_MILLIS = 1000;

  private final HostSensor sensor;
  private final Clock clock;
  private final ZoneId zone;
  private long lastSample;
  private double foreignLoad;
  private OptionalLong lastInput = OptionalLong.empty();

  ActivityMonitor(HostSensor sensor, Clock clock) {
    this.sensor = sensor;
    this.clock = clock;
    this.zone = clock.getZone();
  }

  /** The last foreign CPU load reading, 0..1. */
  double foreignLoad() {
    return foreignLoad;
  }

  /** The reason computing is suspended now, or null when it may run. */
  SuspendReason reason(Preferences prefs, boolean suspendedByUser) {
    long now = clock.millis();
    if (now - lastSample >= SAMPLE_MILLIS) {
      foreignLoad = sensor.foreignCpuLoad();
      lastInput = sensor.lastInputMillis();
      lastSample = now;
    }
    if (suspendedByUser) {
      return SuspendReason.USER_REQ;
    }
    LocalTime t = clock.instant().atZone(zone).toLocalTime();
    if (!prefs.inComputeWindow(t.toSecondOfDay() / 3600.0)) {
      return SuspendReason.TIME_OF_DAY;
    }
    if (!prefs.runIfUserActive() && userActive(prefs)) {
      return SuspendReason.USER_ACTIVE;
    }
    if (prefs.suspendCpuUsage() > 0 && foreignLoad * 100 > prefs.suspendCpuUsage()) {
      return SuspendReason.CPU_USAGE;
    }
    return null;
  }

  /** Whether the computer is in use: input within idle_time_to_run minutes, or no way to tell. */
  boolean userActive(Preferences prefs) {
    return prefs.userActive(lastInput, clock.millis());
  }

  /**
   * Whether the client's live heap (measured after the last garbage collection) is above the RAM
   * preference: then no further task starts (BOINC's "waiting for memory"); running ones go on,
   * since suspending them would not free their memory and unloading them would throw work away.
   */
  boolean memoryTight(Preferences prefs) {
    long live = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
      if (afterGc != null) {
        live += afterGc.getUsed();
      }
    }
    return memoryTight(prefs, live);
  }

  /** {@link #memoryTight(Preferences)} for a given live heap: ram_max_used_busy/idle_pct. */
  boolean memoryTight(Preferences prefs, long liveBytes) {
    double pct = userActive(prefs) ? prefs.ramMaxUsedBusyPct() : prefs.ramMaxUsedIdlePct();
    return liveBytes > sensor.totalMemoryBytes() * pct / 100;
  }
}
