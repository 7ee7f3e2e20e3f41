package io.cairn.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cairn.client.prefs.Preferences;
import io.cairn.client.prefs.SuspendReason;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ActivityMonitorTest {
  private static Clock at(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

  @Test
  void computeWindowAndForeignLoadAndDonorSuspend() {
    FixedSensor sensor = new FixedSensor();
    Preferences office = Preferences.DEFAULTS.with("start_hour", "9").with("end_hour", "17");
    assertNull(new ActivityMonitor(sensor, at("2026-11-22T10:00:00Z")).reason(office, false));
    assertEquals(
        SuspendReason.TIME_OF_DAY,
        new ActivityMonitor(sensor, at("2026-11-22T18:30:00Z")).reason(office, false));
    Preferences nights = Preferences.DEFAULTS.with("start_hour", "22").with("end_hour", "6");
    assertNull(new ActivityMonitor(sensor, at("2026-11-22T02:00:00Z")).reason(nights, false));

    sensor.foreignLoad = 0.30;
    ActivityMonitor m = new ActivityMonitor(sensor, at("2026-11-22T10:00:00Z"));
    assertEquals(SuspendReason.CPU_USAGE, m.reason(Preferences.DEFAULTS, false));
    assertNull(m.reason(Preferences.DEFAULTS.with("suspend_cpu_usage", "50"), false));
    assertNull(m.reason(Preferences.DEFAULTS.with("suspend_cpu_usage", "0"), false));
    assertEquals(SuspendReason.USER_REQ, m.reason(Preferences.DEFAULTS, true));
    assertFalse(m.memoryTight(Preferences.DEFAULTS), "a test JVM's live heap is far below 8 GB");
  }
}
