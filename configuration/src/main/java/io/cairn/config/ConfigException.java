package io.cairn.config;

/** A configuration that cannot be used, with a message meant for the operator who wrote it. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
