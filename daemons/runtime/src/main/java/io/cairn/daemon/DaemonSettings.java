package io.cairn.daemon;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of one daemon, as plain {@code key = value} strings taken from the configuration
 * (its {@code daemons.<name>.*} entries), read through typed getters that fail with a message
 * naming the key. Immutable.
 */
public final class DaemonSettings {
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private final String daemon;
  private final Map<String, String> values;

  public DaemonSettings(String daemon, Map<String, String> values) {
    this.daemon = daemon;
    this.values = Map.copyOf(values);
  }

  /** No settings: every getter returns its default. */
  public static DaemonSettings none(String daemon) {
    return new DaemonSettings(daemon, Map.of());
  }

  public String daemon() {
    return daemon;
  }

  /** All keys and values, sorted by key. */
  public Map<String, String> asMap() {
    return new TreeMap<>(values);
  }

  public String string(String key, String defaultValue) {
    String v = values.get(key);
    return v == null || v.isBlank() ? defaultValue : v.trim();
  }

  public int integer(String key, int defaultValue) {
    String v = values.get(key);
    if (v == null || v.isBlank()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw invalid(key, v, "an integer");
    }
  }

  public int positive(String key, int defaultValue) {
    int v = integer(key, defaultValue);
    if (v <= 0) {
      throw invalid(key, String.valueOf(v), "a positive integer");
    }
    return v;
  }

  public double decimal(String key, double defaultValue) {
    String v = values.get(key);
    if (v == null || v.isBlank()) {
      return defaultValue;
    }
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw invalid(key, v, "a number");
    }
  }

  /**
   * A duration written {@code 500ms}, {@code 5s}, {@code 10m}, {@code 2h}, {@code 7d} or ISO-8601.
   */
  public Duration duration(String key, Duration defaultValue) {
    String v = values.get(key);
    if (v == null || v.isBlank()) {
      return defaultValue;
    }
    return parseDuration(key, v.trim());
  }

  private Duration parseDuration(String key, String v) {
    Matcher m = DURATION.matcher(v);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(v);
    } catch (RuntimeException e) {
      throw invalid(key, v, "a duration such as 500ms, 5s, 10m, 2h or 7d");
    }
  }

  private IllegalArgumentException invalid(String key, String value, String expected) {
    return new IllegalArgumentException(
        "daemons." + daemon + "." + key + " = '" + value + "' is not " + expected);
  }
}
