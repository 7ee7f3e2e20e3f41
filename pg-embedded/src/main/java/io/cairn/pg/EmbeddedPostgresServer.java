package io.cairn.pg;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started and owned by this JVM: the embedded default of Cairn and the
 * database of the test harness.
 *
 * <p>It first tries the PostgreSQL 18 binaries shipped in a Maven artifact (zonky), which need
 * nothing installed and work as root where user namespaces are available. Where they cannot start
 * (for example root without user namespaces), it falls back to the distribution's own PostgreSQL
 * binaries ({@link SystemPostgres}). Either way the caller gets a host, a port and a superuser
 * named {@code postgres} that authenticates without a password on loopback.
 *
 * <p>With a data directory, the data survives restarts (the embedded product default); without one,
 * a temporary directory is used and deleted on {@link #close()}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

  private final String host;
  private final int port;
  private final AutoCloseable handle;

  private EmbeddedPostgresServer(String host, int port, AutoCloseable handle) {
    this.host = host;
    this.port = port;
    this.handle = handle;
  }

  /**
   * Starts a server.
   *
   * @param dataDirectory where the cluster lives; created and initialised if empty; {@code null}
   *     for a throw-away cluster in a temporary directory
   * @param port the TCP port on 127.0.0.1, or 0 for any free port
   */
  public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
    Path dir = dataDirectory;
    boolean persistent = dir != null;
    try {
      if (dir == null) {
        dir = Files.createTempDirectory("cairn-pg-");
      }
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the PostgreSQL data directory " + dir, e);
    }
    try {
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir.resolve("zonky"))
              .setCleanDataDirectory(!persistent)
              .setPort(port)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("max_connections", "200")
              .setServerConfig("fsync", persistent ? "on" : "off")
              .setServerConfig("synchronous_commit", persistent ? "on" : "off")
              .start();
      log.info("started embedded PostgreSQL 18 on 127.0.0.1:{}", pg.getPort());
      return new EmbeddedPostgresServer("127.0.0.1", pg.getPort(), pg);
    } catch (IOException | RuntimeException zonkyFailure) {
      log.warn(
          "the bundled PostgreSQL binaries could not start ({}); trying the system's PostgreSQL",
          zonkyFailure.getMessage());
      try {
        SystemPostgres sys = SystemPostgres.start(dir.resolve("system"), port, !persistent);
        return new EmbeddedPostgresServer("127.0.0.1", sys.port(), sys);
      } catch (RuntimeException systemFailure) {
        systemFailure.addSuppressed(zonkyFailure);
        throw new IllegalStateException(
            "no PostgreSQL could be started: neither the bundled binaries nor the system's"
                + " (install Debian's postgresql package, or point the configuration at an"
                + " external server)",
            systemFailure);
      }
    }
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  /** The superuser, which needs no password on loopback. */
  public String user() {
    return "postgres";
  }

  /** A JDBC URL for one database of this server. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  @Override
  public void close() {
    try {
      handle.close();
    } catch (Exception e) {
      log.warn("stopping PostgreSQL on port {} failed: {}", port, e.getMessage());
    }
  }
}
