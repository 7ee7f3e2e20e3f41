package io.cairn.config;

import java.util.Objects;

/**
 * One thing wrong with the configuration.
 *
 * @param key the setting concerned, e.g. {@code db.pool-size}
 * @param source where its value came from: {@code "default"}, the file's path, or {@code
 *     "environment variable CAIRN_DB_POOL_SIZE"}; empty if the key has no value at all
 * @param message what is wrong and what is expected, in words for a person
 */
public record ConfigProblem(String key, String source, String message) {
  public ConfigProblem {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(message, "message");
  }

  /** {@code key (from source): message}. */
  @Override
  public String toString() {
    return source.isEmpty() ? key + ": " + message : key + " (from " + source + "): " + message;
  }
}
