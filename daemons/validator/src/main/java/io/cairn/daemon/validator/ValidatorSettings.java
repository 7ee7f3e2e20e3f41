package io.cairn.daemon.validator;

import io.cairn.daemon.DaemonSettings;

/**
 * The validator's settings ({@code daemons.validator.*}).
 *
 * @param batchSize uploads per pass ({@code batch-size}, 50)
 * @param minSecurityBits the least conjectured security accepted ({@code min-security-bits}, 100;
 *     at least 80)
 * @param creditPerMillionSteps credit granted per million proven steps ({@code
 *     credit-per-million-steps}, 1.0)
 * @param maxJobsPerDayCeiling the daily quota a valid proof restores a host towards, doubling it
 *     each time ({@code max-jobs-per-day}, 100)
 * @param maxProofBytes the largest proof read ({@code max-proof-bytes}, 64 MiB)
 */
public record ValidatorSettings(
    int batchSize,
    int minSecurityBits,
    double creditPerMillionSteps,
    int maxJobsPerDayCeiling,
    long maxProofBytes) {
  public ValidatorSettings {
    if (minSecurityBits < 80) {
      throw new IllegalArgumentException(
          "daemons.validator.min-security-bits = " + minSecurityBits + " is below 80");
    }
    if (creditPerMillionSteps < 0) {
      throw new IllegalArgumentException("daemons.validator.credit-per-million-steps < 0");
    }
  }

  /** Reads and validates the settings. */
  public static ValidatorSettings from(DaemonSettings s) {
    return new ValidatorSettings(
        s.positive("batch-size", 50),
        s.positive("min-security-bits", 100),
        s.decimal("credit-per-million-steps", 1.0),
        s.positive("max-jobs-per-day", 100),
        s.positive("max-proof-bytes", 64 << 20));
  }

  /** The credit for {@code steps} proven steps. */
  public double creditFor(long steps) {
    return steps / 1_000_000.0 * creditPerMillionSteps;
  }
}
