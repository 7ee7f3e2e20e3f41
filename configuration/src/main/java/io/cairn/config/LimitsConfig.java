package io.cairn.config;

/**
 * The limits that keep one organization, donor or program from exhausting the system ({@code
 * limits.*}). Requests over a limit get a clear error, never a partial result.
 *
 * @param maxProgramBytes {@code limits.max-program-bytes}: largest compiled program accepted
 * @param maxInputFelts {@code limits.max-input-felts}: most field elements in one input group
 * @param maxUploadBytes {@code limits.max-upload-bytes}: largest proof or trace upload
 * @param maxSteps {@code limits.max-steps}: most Cairo VM steps one job may take
 * @param maxMemoryCells {@code limits.max-memory-cells}: most VM memory cells one job may use
 * @param requestsPerMinutePerAccount {@code limits.requests-per-minute-per-account}
 * @param requestsPerMinutePerHost {@code limits.requests-per-minute-per-host}
 */
public record LimitsConfig(
    long maxProgramBytes,
    int maxInputFelts,
    long maxUploadBytes,
    long maxSteps,
    long maxMemoryCells,
    int requestsPerMinutePerAccount,
    int requestsPerMinutePerHost) {

  private static final long ONE_TIB = 1L << 40;

  /** Checks that every limit is positive (an input group may have no felts at all). */
  public LimitsConfig {
    if (maxProgramBytes < 1
        || maxInputFelts < 0
        || maxUploadBytes < 1
        || maxSteps < 1
        || maxMemoryCells < 1
        || requestsPerMinutePerAccount < 1
        || requestsPerMinutePerHost < 1) {
      throw new IllegalArgumentException(
          "every limit must be at least 1 (max-input-felts at least 0)");
    }
  }

  static LimitsConfig read(SettingsReader settings) {
    return new LimitsConfig(
        settings.bytes("limits.max-program-bytes", 1, ONE_TIB),
        settings.integer("limits.max-input-felts", 0, Integer.MAX_VALUE),
        settings.bytes("limits.max-upload-bytes", 1, ONE_TIB),
        settings.longInteger("limits.max-steps", 1, 1L << 40),
        settings.longInteger("limits.max-memory-cells", 1, 1L << 40),
        settings.integer("limits.requests-per-minute-per-account", 1, 1_000_000),
        settings.integer("limits.requests-per-minute-per-host", 1, 1_000_000));
  }
}
