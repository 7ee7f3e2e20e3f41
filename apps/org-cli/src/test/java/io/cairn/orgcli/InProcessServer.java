package io.cairn.orgcli;

import io.cairn.blob.LocalDirectoryBlobStore;
import io.cairn.schema.db.CairnDatabase;
import io.cairn.server.ProjectServer;
import io.cairn.server.RunningServer;
import io.cairn.server.ServerSettings;
import io.cairn.server.auth.Passwords;
import io.cairn.testkit.pg.TestDatabase;
import io.cairn.testkit.pg.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * A real project server for a test class: a fresh PostgreSQL database, a local blob directory, the
 * embedded feeder, cheap Argon2 parameters and a known JWT secret (so tests can forge an expired
 * access token).
 */
final class InProcessServer implements AutoCloseable {
  static final String JWT_SECRET = "org-cli-test-secret-org-cli-test-secret";

  final Path dir;
  final CairnDatabase database;
  final LocalDirectoryBlobStore blobs;
  final RunningServer server;

  InProcessServer(String purpose) throws Exception {
    dir = Files.createTempDirectory("cairn-org-cli-test");
    TestDatabase db = TestPostgres.freshDatabase(purpose);
    database = CairnDatabase.open(db.jdbcUrl(), db.user(), db.password(), 4, purpose);
    blobs = LocalDirectoryBlobStore.open(dir.resolve("blobs"));
    ServerSettings.Builder b = ServerSettings.builder();
    b.port = 0;
    b.httpInstances = 1;
    b.jwtSecret = JWT_SECRET;
    b.passwords = new Passwords(256, 1);
    b.segmentFile = dir.resolve("segment");
    b.segmentSlots = 64;
    b.feederInterval = Duration.ofSeconds(1);
    b.accountRatePerSecond = 10_000;
    b.hostRatePerSecond = 10_000;
    b.anonymousRatePerSecond = 10_000;
    b.rateBurst = 10_000;
    server = ProjectServer.start(b.build(), database, blobs, Clock.systemUTC());
  }

  String url() {
    return server.baseUrl();
  }

  @Override
  public void close() {
    server.close();
    blobs.close();
    database.close();
  }
}
