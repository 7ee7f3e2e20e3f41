package io.cairn.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Defaults for input groups whose upload does not say otherwise ({@code jobs.*}).
 *
 * @param leaseTimeout {@code jobs.default-lease-timeout}: how long a host has to return a proof
 * @param maxAttempts {@code jobs.default-max-attempts}: leases issued before the job is given up
 */
public record JobDefaultsConfig(Duration leaseTimeout, int maxAttempts) {
  public JobDefaultsConfig {
    Objects.requireNonNull(leaseTimeout, "leaseTimeout");
  }

  static JobDefaultsConfig read(SettingsReader settings) {
    return new JobDefaultsConfig(
        settings.duration("jobs.default-lease-timeout", Duration.ofMinutes(1), Duration.ofDays(30)),
        settings.integer("jobs.default-max-attempts", 1, 1000));
  }
}
