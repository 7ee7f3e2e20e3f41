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
    // burn 200 ms of this thread's CPU (however long that takes on a shared machine)
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long wallEnd = System.nanoTime() + 20_000_000_000L;
    long x = 0;
    while (threads.getCurrentThreadCpuTime() - cpu0 < 200_000_000L && System.nanoTime() < wallEnd) {
      for (int i = 0; i < 100_000; i++) {
        x += x * 31 + 7;
      }
    }
    double foreign = sensor.foreignCpuLoad();
    assertTrue(foreign >= 0 && foreign <= 1, "foreign load " + foreign);
    assertTrue(sensor.ownCpuMillis() - before >= 150 || x == 42, "own CPU time was measured");
    Thread.sleep(300);
    double idle = sensor.foreignCpuLoad();
    assertTrue(idle >= 0 && idle <= 1, "foreign load " + idle);
  }
}
