package io.cairn.testkit.pg;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** One fresh database on the test server: how to connect, and nothing else in it yet. */
public record TestDatabase(
    String jdbcUrl, String user, String password, String host, int port, String name) {

  /** Opens a plain JDBC connection (the caller closes it). */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, user, password);
  }
}
