package io.cairn.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.client.prefs.Preferences;
import io.cairn.client.prefs.SuspendReason;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
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

  @Test
  void computerInUseDecidesTheMemoryLimitAndRunIfUserActive() {
    FixedSensor sensor = new FixedSensor(); // 16 GiB of RAM
    Clock clock = at("2026-11-22T10:00:00Z");
    ActivityMonitor m = new ActivityMonitor(sensor, clock);
    long sixtyPct = (16L << 30) * 60 / 100;
    Preferences p = Preferences.DEFAULTS; // busy 50 %, idle 90 %, idle after 3 minutes

    // the system cannot tell: in use, the cautious limit
    m.reason(p, false);
    assertTrue(m.userActive(p));
    assertTrue(m.memoryTight(p, sixtyPct));

    // input 2 minutes ago: in use; 4 minutes ago: idle, the idle limit applies
    long now = clock.millis();
    sensor.lastInput = OptionalLong.of(now - 120_000);
    m = new ActivityMonitor(sensor, clock);
    assertNull(m.reason(p, false), "run_if_user_active defaults to true");
    assertTrue(m.userActive(p));
    assertTrue(m.memoryTight(p, sixtyPct));
    assertFalse(m.memoryTight(p, (16L << 30) * 40 / 100));

    sensor.lastInput = OptionalLong.of(now - 240_000);
    m = new ActivityMonitor(sensor, clock);
    assertNull(m.reason(p, false));
    assertFalse(m.userActive(p));
    assertFalse(m.memoryTight(p, sixtyPct));
    assertTrue(m.memoryTight(p, (16L << 30) * 95 / 100));
    assertTrue(m.userActive(p.with("idle_time_to_run", "5")), "5 minutes: still in use");

    // run_if_user_active off: suspended while in use, running once idle
    Preferences away = p.with("run_if_user_active", "false");
    assertNull(m.reason(away, false), "idle for 4 minutes");
    sensor.lastInput = OptionalLong.of(now - 1_000);
    m = new ActivityMonitor(sensor, clock);
    assertEquals(SuspendReason.USER_ACTIVE, m.reason(away, false));
    assertEquals(SuspendReason.USER_REQ, m.reason(away, true), "the donor's own suspend first");
  }
}
