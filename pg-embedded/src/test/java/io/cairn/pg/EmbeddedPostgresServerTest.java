package io.cairn.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both ways of starting PostgreSQL give a server that answers SQL and keeps its data. */
class EmbeddedPostgresServerTest {

  @Test
  void bundledServerAnswersAndKeepsDataAcrossRestarts(@TempDir Path dir) throws Exception {
    try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir, 0)) {
      exec(pg.jdbcUrl("postgres"), "CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
    }
    try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir, 0)) {
      assertEquals(42, queryInt(pg.jdbcUrl("postgres"), "SELECT v FROM kept"));
    }
  }

  @Test
  void systemBinariesFallbackAnswers(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/usr/lib/postgresql")), "no system PostgreSQL here");
    try (SystemPostgres pg = SystemPostgres.start(dir.resolve("sys"), 0, true)) {
      String url = "jdbc:postgresql://127.0.0.1:" + pg.port() + "/postgres";
      assertEquals(7, queryInt(url, "SELECT 3 + 4"));
    }
  }

  private static void exec(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static int queryInt(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
