package io.cairn.client.prefs;

import java.util.OptionalLong;

/**
 * What the client reads from the operating system to honour the preferences. The real one is {@link
 * OshiHostSensor}; tests inject their own readings.
 */
public interface HostSensor {
  /**
   * The CPU load of everything but this process since the previous call, as a fraction of all CPUs
   * (0..1).
   */
  double foreignCpuLoad();

  /** Physical memory, bytes. */
  long totalMemoryBytes();

  /**
   * When someone last used the keyboard or mouse, epoch milliseconds; empty when the system cannot
   * tell (then the computer counts as in use).
   */
  default OptionalLong lastInputMillis() {
    return OptionalLong.empty();
  }
}
