package io.cairn.config;

import java.util.Objects;

/**
 * A password or key read from the environment or a file. It never appears in {@link #toString()},
 * so a configuration can be logged whole.
 */
public final class Secret {
  private final String value;
  private final String source;

  /**
   * @param value the secret itself, not empty
   * @param source where it came from, e.g. {@code environment variable CAIRN_DB_PASSWORD}
   */
  public Secret(String value, String source) {
    this.value = Objects.requireNonNull(value, "value");
    this.source = Objects.requireNonNull(source, "source");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a secret must not be empty");
    }
  }

  /** The secret value; pass it straight to the library that needs it. */
  public String reveal() {
    return value;
  }

  /** Where the secret came from (never the secret itself). */
  public String source() {
    return source;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && secret.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "Secret[from " + source + "]";
  }
}
