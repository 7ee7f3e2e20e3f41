package io.cairn.client;

import io.cairn.client.prefs.HostSensor;
import java.util.OptionalLong;

/** A host sensor whose foreign CPU load and last input the test sets. */
final class FixedSensor implements HostSensor {
  volatile double foreignLoad;

  /** The last keyboard or mouse input, epoch ms; empty: the system cannot tell. */
  volatile OptionalLong lastInput = OptionalLong.empty();

  @Override
  public OptionalLong lastInputMillis() {
    return lastInput;
  }

  @Override
  public double foreignCpuLoad() {
    return foreignLoad;
  }

  @Override
  public long totalMemoryBytes() {
    return 16L << 30;
  }
}
