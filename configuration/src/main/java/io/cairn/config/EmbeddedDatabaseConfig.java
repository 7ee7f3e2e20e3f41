package io.cairn.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A PostgreSQL that Cairn starts and stops itself ({@code db.mode=embedded}).
 *
 * @param dataDirectory {@code db.embedded.dir}: the cluster's files; kept between starts
 * @param port {@code db.embedded.port}: the port to listen on, 0 for any free port
 * @param poolSize {@code db.pool-size}
 */
public record EmbeddedDatabaseConfig(Path dataDirectory, int port, int poolSize)
    implements DatabaseConfig {
  public EmbeddedDatabaseConfig {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
  }
}
