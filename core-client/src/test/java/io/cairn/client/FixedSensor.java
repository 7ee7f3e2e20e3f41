package io.cairn.client;

import io.cairn.client.prefs.HostSensor;

/** A host sensor whose foreign CPU load the test sets. */
final class FixedSensor implements HostSensor {
  volatile double foreignLoad;

  @Override
  public double foreignCpuLoad() {
    return foreignLoad;
  }

  @Override
  public long totalMemoryBytes() {
    return 16L << 30;
  }
}
