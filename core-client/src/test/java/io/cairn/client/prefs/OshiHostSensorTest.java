package io.cairn.client.prefs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The real OS sensor returns sane numbers on this machine. */
class OshiHostSensorTest {
  @Test
  void readingsAreSane() throws Exception {
    OshiHostSensor sensor = new OshiHostSensor();
    assertTrue(sensor.totalMemoryBytes() > 256L << 20, "total memory " + sensor.totalMemoryBytes());
    long before = sensor.ownCpuMillis();
    long end = System.nanoTime() + 600_000_000L;
    long x = 0;
    while (System.nanoTime() < end) {
      x += x * 31 + 7; // burn this process's CPU: it must not count as foreign load
    }
    double foreign = sensor.foreignCpuLoad();
    assertTrue(foreign >= 0 && foreign <= 1, "foreign load " + foreign);
    assertTrue(sensor.ownCpuMillis() - before >= 200 || x == 42, "own CPU time was measured");
    Thread.sleep(300);
    double idle = sensor.foreignCpuLoad();
    assertTrue(idle >= 0 && idle <= 1, "foreign load " + idle);
  }
}
