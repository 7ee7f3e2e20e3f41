package io.cairn.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.blob.LocalDirectoryBlobStore;
import io.cairn.cairo.tools.asm.Assembler;
import io.cairn.cairo.tools.asm.ProgramJsonWriter;
import io.cairn.schema.db.CairnDatabase;
import io.cairn.server.ProjectServer;
import io.cairn.server.RunningServer;
import io.cairn.server.ServerSettings;
import io.cairn.server.auth.Passwords;
import io.cairn.testkit.pg.TestDatabase;
import io.cairn.testkit.pg.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A real project server for client tests: a fresh PostgreSQL database, a local blob directory, the
 * embedded feeder, cheap Argon2; plus an organization that uploads programs and input groups, and a
 * donor account, all through the server's HTTP API.
 */
final class TestProject implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  final Path dir;
  final TestDatabase testDb;
  final CairnDatabase database;
  final LocalDirectoryBlobStore blobs;
  final RunningServer server;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private String orgToken;
  private String accountKey;

  TestProject(String purpose) throws Exception {
    dir = Files.createTempDirectory("cairn-client-test");
    testDb = TestPostgres.freshDatabase(purpose);
    database = CairnDatabase.open(testDb.jdbcUrl(), testDb.user(), testDb.password(), 4, purpose);
    blobs = LocalDirectoryBlobStore.open(dir.resolve("blobs"));
    ServerSettings.Builder b = ServerSettings.builder();
    b.port = 0;
    b.httpInstances = 1;
    b.jwtSecret = "client-test-secret-client-test-secret-01";
    b.passwords = new Passwords(256, 1);
    b.segmentFile = dir.resolve("segment");
    b.segmentSlots = 64;
    b.feederInterval = Duration.ofMillis(100);
    b.schedulerDelay = Duration.ofSeconds(1);
    b.maxBackoff = Duration.ofSeconds(2);
    b.accountRatePerSecond = 10_000;
    b.hostRatePerSecond = 10_000;
    b.anonymousRatePerSecond = 10_000;
    b.rateBurst = 10_000;
    server = ProjectServer.start(b.build(), database, blobs, Clock.systemUTC());
  }

  String url() {
    return server.baseUrl();
  }

  /** The sum program: writes 1 + 2 + ... + n for n = input[0], about 3 steps per term. */
  static byte[] sumProgram() {
    try (InputStream in = TestProject.class.getResourceAsStream("/programs/sum.casm")) {
      String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return ProgramJsonWriter.write(Assembler.assemble(source, Assembler.Mode.PROOF))
          .getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A donor account key (created once). */
  String accountKey() throws Exception {
    if (accountKey == null) {
      JsonNode d =
          post(
              "/api/v1/donor/accounts",
              null,
              "{\"email\":\"donor@example.org\",\"password\":\"donor-password\",\"display_name\":\"Donor\"}");
      accountKey = d.path("account_key").asText();
    }
    return accountKey;
  }

  private String orgToken() throws Exception {
    if (orgToken == null) {
      post(
          "/api/v1/auth/register",
          null,
          "{\"username\":\"lab-admin\",\"password\":\"lab-password\",\"name\":\"lab\"}");
      orgToken =
          post(
                  "/api/v1/auth/login",
                  null,
                  "{\"username\":\"lab-admin\",\"password\":\"lab-password\"}")
              .path("access_token")
              .asText();
    }
    return orgToken;
  }

  /** Uploads a program; returns its id. */
  long uploadProgram(String name, byte[] json, long maxSteps, boolean executionOnly)
      throws Exception {
    return uploadProgram(name, json, maxSteps, executionOnly, 5);
  }

  /** Uploads a program with {@code maxAttempts} per input group; returns its id. */
  long uploadProgram(
      String name, byte[] json, long maxSteps, boolean executionOnly, int maxAttempts)
      throws Exception {
    String boundary = "cairn-" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    field(body, boundary, "name", name);
    field(body, boundary, "max_steps", Long.toString(maxSteps));
    field(body, boundary, "lease_timeout_seconds", "3600");
    field(body, boundary, "execution_only", Boolean.toString(executionOnly));
    field(body, boundary, "max_attempts", Integer.toString(maxAttempts));
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(json);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(url() + "/api/v1/programs"))
            .header("Authorization", "Bearer " + orgToken())
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    return unwrap(http.send(r, HttpResponse.BodyHandlers.ofString())).path("id").asLong();
  }

  private static void field(ByteArrayOutputStream body, String boundary, String name, String v) {
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + name
                + "\"\r\n\r\n"
                + v
                + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
  }

  /** Adds one input group per entry of {@code inputs} (each a single felt). */
  void addInputGroups(long programId, List<Long> inputs) throws Exception {
    StringBuilder lines = new StringBuilder();
    for (long n : inputs) {
      lines.append("{\"input\":[\"").append(n).append("\"]}\n");
    }
    HttpRequest r =
        HttpRequest.newBuilder(
                URI.create(url() + "/api/v1/programs/" + programId + "/input-groups"))
            .header("Authorization", "Bearer " + orgToken())
            .header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofString(lines.toString()))
            .build();
    unwrap(http.send(r, HttpResponse.BodyHandlers.ofString()));
    server.feedNow();
  }

  private JsonNode post(String path, String bearer, String json) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return unwrap(http.send(b.build(), HttpResponse.BodyHandlers.ofString()));
  }

  private static JsonNode unwrap(HttpResponse<String> r) throws IOException {
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body()).path("data");
  }

  /** Runs a SQL query returning one long. */
  long queryLong(String sql) throws Exception {
    try (Connection c = testDb.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Runs a SQL update. */
  void execute(String sql) throws Exception {
    try (Connection c = testDb.connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Override
  public void close() {
    server.close();
    blobs.close();
    database.close();
  }
}
