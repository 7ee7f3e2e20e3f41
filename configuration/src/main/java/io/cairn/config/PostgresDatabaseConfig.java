package io.cairn.config;

import java.util.Objects;
import java.util.Optional;

/**
 * An existing PostgreSQL server ({@code db.mode=postgresql}).
 *
 * @param jdbcUrl {@code db.url}, e.g. {@code jdbc:postgresql://db.internal:5432/cairn}
 * @param user {@code db.user}
 * @param password from {@code CAIRN_DB_PASSWORD} or the file named by {@code db.password-file};
 *     empty when the server needs none (trust, peer, or a {@code .pgpass} file)
 * @param poolSize {@code db.pool-size}
 */
public record PostgresDatabaseConfig(
    String jdbcUrl, String user, Optional<Secret> password, int poolSize)
    implements DatabaseConfig {
  static final String URL_PREFIX = "jdbc:postgresql://";

  public PostgresDatabaseConfig {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  static PostgresDatabaseConfig read(SettingsReader settings, int poolSize) {
    String url = settings.requiredString("db.url", "when db.mode is postgresql");
    if (!url.isEmpty() && !url.startsWith(URL_PREFIX)) {
      settings.problem(
          "db.url",
          "\""
              + url
              + "\" is not valid: expected a PostgreSQL JDBC URL such as"
              + " jdbc:postgresql://host:5432/cairn");
    }
    if (url.contains("password=")) {
      settings.problem(
          "db.url",
          "contains a password; remove it and set CAIRN_DB_PASSWORD or db.password-file instead");
    }
    String user = settings.requiredString("db.user", "when db.mode is postgresql");
    Optional<Secret> password = settings.secret("db.password", "db.password-file");
    return new PostgresDatabaseConfig(url, user, password, poolSize);
  }
}
