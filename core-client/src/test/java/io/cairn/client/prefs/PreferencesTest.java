package io.cairn.client.prefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreferencesTest {
  @TempDir Path dir;

  @Test
  void boincDefaults() {
    Preferences p = Preferences.DEFAULTS;
    assertEquals(100, p.cpuUsageLimit());
    assertEquals(25, p.suspendCpuUsage());
    assertEquals(50, p.ramMaxUsedBusyPct());
    assertEquals(90, p.ramMaxUsedIdlePct());
    assertEquals(0.1 * 86400, p.workBufMinSeconds());
    assertEquals(0.5 * 86400, p.workBufAdditionalSeconds());
    assertFalse(p.leaveAppsInMemory());
    assertEquals(3, p.idleTimeToRun());
    assertTrue(p.runIfUserActive());
  }

  @Test
  void setByNameValidates() {
    Preferences p = Preferences.DEFAULTS.with("cpu_usage_limit", "50");
    assertEquals(50, p.cpuUsageLimit());
    assertTrue(p.with("leave_apps_in_memory", "true").leaveAppsInMemory());
    assertFalse(p.with("run_if_user_active", "false").runIfUserActive());
    assertEquals(10, p.with("idle_time_to_run", "10").idleTimeToRun());
    IllegalArgumentException bool =
        assertThrows(IllegalArgumentException.class, () -> p.with("run_if_user_active", "1"));
    assertTrue(bool.getMessage().contains("run_if_user_active"), bool.getMessage());
    assertThrows(IllegalArgumentException.class, () -> p.with("idle_time_to_run", "-1"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> p.with("cpu_usage_limit", "150"));
    assertTrue(e.getMessage().contains("cpu_usage_limit"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> p.with("no_such_pref", "1"));
    assertThrows(IllegalArgumentException.class, () -> p.with("start_hour", "noon"));
  }

  @Test
  void cpuCountAndComputeWindow() {
    assertEquals(4, Preferences.DEFAULTS.maxWorkers(4));
    assertEquals(2, Preferences.DEFAULTS.with("max_ncpus_pct", "50").maxWorkers(4));
    assertEquals(1, Preferences.DEFAULTS.with("max_ncpus_pct", "10").maxWorkers(4));
    Preferences day = Preferences.DEFAULTS.with("start_hour", "9").with("end_hour", "17");
    assertTrue(day.inComputeWindow(9));
    assertFalse(day.inComputeWindow(17));
    assertFalse(day.inComputeWindow(3));
    Preferences night = Preferences.DEFAULTS.with("start_hour", "22").with("end_hour", "6");
    assertTrue(night.inComputeWindow(23.5));
    assertTrue(night.inComputeWindow(2));
    assertFalse(night.inComputeWindow(12));
    assertTrue(Preferences.DEFAULTS.inComputeWindow(12));
  }

  @Test
  void fileIsWatchedAndBadContentIgnored() throws Exception {
    Path file = dir.resolve("global_prefs_override.json");
    PreferencesFile watched = new PreferencesFile(file);
    assertEquals(Preferences.DEFAULTS, watched.current());
    Files.writeString(file, "{\"cpu_usage_limit\": 60, \"unknown_pref\": 1}");
    assertEquals(60, watched.poll().cpuUsageLimit());
    assertEquals(25, watched.current().suspendCpuUsage());
    assertTrue(watched.current().runIfUserActive(), "a preference the file leaves out: default");
    Files.writeString(file, "{\"cpu_usage_limit\": 600}");
    Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5000));
    assertEquals(60, watched.poll().cpuUsageLimit());
    watched.save(watched.current().with("suspend_cpu_usage", "0"));
    assertEquals(0, new PreferencesFile(file).current().suspendCpuUsage());
  }
}
