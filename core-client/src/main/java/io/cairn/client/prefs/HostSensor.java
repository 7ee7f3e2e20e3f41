package io.cairn.client.prefs;

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

  /** Whether someone is using the computer (no input-activity sensor yet: always true). */
  default boolean userActive() {
    return true;
  }
}
