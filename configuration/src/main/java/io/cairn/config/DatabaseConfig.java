package io.cairn.config;

/**
 * Which PostgreSQL Cairn uses ({@code db.*}): one it starts itself ({@link EmbeddedDatabaseConfig},
 * the default) or an existing server ({@link PostgresDatabaseConfig}).
 */
public sealed interface DatabaseConfig permits EmbeddedDatabaseConfig, PostgresDatabaseConfig {
  /** {@code db.pool-size}: the most JDBC connections one process opens. */
  int poolSize();
}
