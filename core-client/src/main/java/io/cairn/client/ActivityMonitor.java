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

/**
 * Decides whether computing as a whole is suspended, and why: the donor's request, the time-of-day
 * window, non-Cairn CPU load above suspend_cpu_usage (sampled about once a second), or the client's
 * heap above the RAM preference.
 */
final class ActivityMonitor {
  private static final long SAMPLE_MILLIS = 1000;

  private final HostSensor sensor;
  private final Clock clock;
  private final ZoneId zone;
  private long lastSample;
  private double foreignLoad;

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
      lastSample = now;
    }
    if (suspendedByUser) {
      return SuspendReason.USER_REQ;
    }
    LocalTime t = clock.instant().atZone(zone).toLocalTime();
    if (!prefs.inComputeWindow(t.toSecondOfDay() / 3600.0)) {
      return SuspendReason.TIME_OF_DAY;
    }
    if (prefs.suspendCpuUsage() > 0 && foreignLoad * 100 > prefs.suspendCpuUsage()) {
      return SuspendReason.CPU_USAGE;
    }
    return null;
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
    double pct = sensor.userActive() ? prefs.ramMaxUsedBusyPct() : prefs.ramMaxUsedIdlePct();
    return live > sensor.totalMemoryBytes() * pct / 100;
  }
}
