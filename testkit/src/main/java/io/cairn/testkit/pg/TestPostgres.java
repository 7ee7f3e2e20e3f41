package io.cairn.testkit.pg;

import io.cairn.pg.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server of a test run: one per test JVM, shared by all test classes, each of which
 * takes a fresh database of its own with {@link #freshDatabase(String)}.
 *
 * <p>If the environment names a server ({@code PGHOST} and {@code PGPORT}, with {@code PGUSER} and
 * {@code PGPASSWORD} when needed), that server is used; otherwise a real PostgreSQL is started
 * in-process by {@link EmbeddedPostgresServer} and stopped when the JVM exits.
 */
public final class TestPostgres {
  private static final AtomicInteger counter = new AtomicInteger();
  private static volatile Server server;

  private TestPostgres() {}

  private record Server(String host, int port, String user, String password) {
    String jdbcUrl(String database) {
      return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
  }

  /**
   * Creates a new, empty database on the test server, named after {@code purpose} (usually the test
   * class) plus a counter, and returns how to reach it.
   */
  public static TestDatabase freshDatabase(String purpose) {
    Server s = server();
    String name =
        ("t_"
                + purpose.replaceAll("[^A-Za-z0-9]", "_")
                + "_"
                + ProcessHandle.current().pid()
                + "_"
                + counter.incrementAndGet())
            .toLowerCase();
    if (name.length() > 60) {
      name = name.substring(name.length() - 60);
      name = "t" + name.substring(1);
    }
    try (Connection c = DriverManager.getConnection(s.jdbcUrl("postgres"), s.user(), s.password());
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE \"" + name + "\" TEMPLATE template0 ENCODING 'UTF8'");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name + ": " + e, e);
    }
    return new TestDatabase(s.jdbcUrl(name), s.user(), s.password(), s.host(), s.port(), name);
  }

  private static Server server() {
    Server s = server;
    if (s != null) {
      return s;
    }
    synchronized (TestPostgres.class) {
      if (server == null) {
        server = startOrConnect(System.getenv());
      }
      return server;
    }
  }

  private static Server startOrConnect(Map<String, String> env) {
    String host = env.get("PGHOST");
    String port = env.get("PGPORT");
    if (host != null && !host.isBlank() && port != null && !port.isBlank()) {
      return new Server(
          host,
          Integer.parseInt(port.trim()),
          env.getOrDefault("PGUSER", "postgres"),
          env.getOrDefault("PGPASSWORD", ""));
    }
    EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(null, 0);
    Runtime.getRuntime().addShutdownHook(new Thread(pg::close, "test-postgres-stop"));
    return new Server(pg.host(), pg.port(), pg.user(), "");
  }
}
