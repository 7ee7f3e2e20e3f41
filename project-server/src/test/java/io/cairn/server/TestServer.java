package io.cairn.server;

import io.cairn.blob.LocalDirectoryBlobStore;
import io.cairn.schema.db.CairnDatabase;
import io.cairn.server.auth.Passwords;
import io.cairn.testkit.pg.TestDatabase;
import io.cairn.testkit.pg.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A real server for a test class: a fresh PostgreSQL database (migrated), a local blob directory, a
 * work segment in a temp directory with the embedded feeder, cheap Argon2 parameters.
 */
final class TestServer implements AutoCloseable {
  final TestDatabase testDb;
  final CairnDatabase database;
  final io.cairn.blob.BlobStore blobs;
  final RunningServer server;
  final Path dir;

  private TestServer(
      String purpose,
      Consumer<ServerSettings.Builder> tweak,
      java.util.function.Function<Path, io.cairn.blob.BlobStore> blobStore)
      throws Exception {
    dir = Files.createTempDirectory("cairn-server-test");
    testDb = TestPostgres.freshDatabase(purpose);
    database = CairnDatabase.open(testDb.jdbcUrl(), testDb.user(), testDb.password(), 8, purpose);
    blobs = blobStore.apply(dir);
    ServerSettings.Builder b = ServerSettings.builder();
    b.port = 0;
    b.httpInstances = 1;
    b.jwtSecret = "test-secret-test-secret-test-secret-0123";
    b.passwords = new Passwords(256, 1);
    b.segmentFile = dir.resolve("segment");
    b.segmentSlots = 64;
    b.feederInterval = Duration.ofMillis(50);
    b.accountRatePerSecond = 10_000;
    b.hostRatePerSecond = 10_000;
    b.anonymousRatePerSecond = 10_000;
    b.rateBurst = 10_000;
    tweak.accept(b);
    server = ProjectServer.start(b.build(), database, blobs, Clock.systemUTC());
  }

  static TestServer start(String purpose) throws Exception {
    return new TestServer(purpose, b -> {}, TestServer::localBlobs);
  }

  /** A server whose blobs go to {@code blobStore} (made from the test's temp directory). */
  static TestServer withBlobStore(
      String purpose, java.util.function.Function<Path, io.cairn.blob.BlobStore> blobStore)
      throws Exception {
    return new TestServer(purpose, b -> {}, blobStore);
  }

  private static io.cairn.blob.BlobStore localBlobs(Path dir) {
    return LocalDirectoryBlobStore.open(dir.resolve("blobs"));
  }

  static TestServer start(String purpose, Consumer<ServerSettings.Builder> tweak) throws Exception {
    return new TestServer(purpose, tweak, TestServer::localBlobs);
  }

  int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
    blobs.close();
    database.close();
  }
}
