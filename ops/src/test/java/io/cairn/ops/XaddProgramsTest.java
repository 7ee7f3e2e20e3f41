package io.cairn.ops;

import static io.cairn.schema.jooq.Tables.PROGRAM;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.blob.LocalDirectoryBlobStore;
import io.cairn.config.CairnConfig;
import io.cairn.config.CairnConfigLoader;
import io.cairn.schema.db.CairnDatabase;
import io.cairn.schema.jooq.tables.records.ProgramRecord;
import io.cairn.server.ConfiguredSettings;
import io.cairn.server.ProjectServer;
import io.cairn.server.RunningServer;
import io.cairn.server.ServerSettings;
import io.cairn.server.auth.Passwords;
import io.cairn.server.auth.ServerKey;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/xadd adds programs as the upload does: a program it added is downloaded through a real
 * project server, byte for byte, and its signature verifies with the server's public key; a second
 * run adds nothing, and another program under a taken name is refused.
 */
class XaddProgramsTest {
  @TempDir Path dir;

  private static Path example(String name) {
    // the committed compiled programs of apps/examples (the module sits next to ops)
    Path p = Path.of("..", "apps", "examples", "src", "main", "cairo", name);
    assertTrue(Files.exists(p), p.toAbsolutePath().toString());
    return p;
  }

  @Test
  void addsSignedProgramsOnceAndRefusesAnotherUnderTheSameName() throws Exception {
    OpsFixture ops = new OpsFixture("XaddProgramsTest", dir, "transitioner");
    Files.createDirectories(dir.resolve("programs"));
    Files.copy(example("collatz.json"), dir.resolve("programs/collatz.json"));
    Files.copy(example("prime_count.json"), dir.resolve("programs/prime_count.json"));
    Path project = dir.resolve("project.conf");
    Files.writeString(
        project,
        String.join(
            "\n",
            "organization acme",
            "  public-name = Acme Research",
            "  program collatz",
            "    file = programs/collatz.json",
            "    description = Collatz stopping times",
            "    max-steps = 2000000",
            "    lease-timeout = 600",
            "    max-attempts = 3",
            ""));

    OpsFixture.Run first = ops.script("xadd", project.toString());
    assertEquals(0, first.exit(), first.output());
    assertTrue(first.output().contains("program collatz: added"), first.output());
    OpsFixture.Run again = ops.script("xadd", project.toString());
    assertEquals(0, again.exit(), again.output());
    assertTrue(again.output().contains("program collatz: unchanged"), again.output());

    Path conflicting = dir.resolve("conflict.conf");
    Files.writeString(
        conflicting,
        "organization acme\n  public-name = Acme Research\n"
            + "  program collatz\n    file = programs/prime_count.json\n");
    OpsFixture.Run refused = ops.script("xadd", conflicting.toString());
    assertEquals(2, refused.exit(), refused.output());
    assertTrue(refused.output().contains("already has a program named collatz"), refused.output());

    CairnConfig config =
        CairnConfigLoader.load(
            java.util.Optional.of(ops.config), java.util.Map.of("CAIRN_DB_PASSWORD", pw(ops)));
    try (CairnDatabase db =
        CairnDatabase.open(
            ops.database.jdbcUrl(), ops.database.user(), ops.database.password(), 4, "xadd")) {
      DSLContext dsl = db.dsl();
      List<ProgramRecord> rows = dsl.selectFrom(PROGRAM).fetch();
      assertEquals(1, rows.size(), "the second run and the refused one added nothing");
      ProgramRecord row = rows.get(0);
      assertEquals(2_000_000L, row.getMaxSteps());
      assertEquals(600, row.getLeaseTimeoutSeconds());
      assertEquals(3, row.getMaxAttempts());
      assertEquals("Collatz stopping times", row.getDescription());

      // a real server with the configured signing key (the file xadd used)
      ServerSettings.Builder b = ConfiguredSettings.from(config, true).toBuilder();
      b.port = 0;
      b.httpInstances = 1;
      b.passwords = new Passwords(256, 1);
      b.segmentFile = dir.resolve("server.segment");
      b.segmentSlots = 64;
      b.accountRatePerSecond = 10_000;
      b.hostRatePerSecond = 10_000;
      b.anonymousRatePerSecond = 10_000;
      b.rateBurst = 10_000;
      try (RunningServer server =
          ProjectServer.start(
              b.build(),
              db,
              LocalDirectoryBlobStore.open(dir.resolve("blobs")),
              Clock.systemUTC())) {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + server.port();
        JsonObject account =
            post(
                http,
                base + "/api/v1/donor/accounts",
                null,
                new JsonObject()
                    .put("email", "donor@example.org")
                    .put("password", "donor-password")
                    .put("display_name", "donor"));
        JsonObject host =
            post(
                http,
                base + "/api/v1/donor/hosts",
                account.getString("account_key"),
                new JsonObject()
                    .put("name", "h")
                    .put("platform", "linux-x86_64")
                    .put("cores", 1)
                    .put("memory_bytes", 1L << 30)
                    .put("client_version", "0.1.0"));
        HttpResponse<byte[]> file =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(base + "/api/v1/programs/" + row.getId() + "/file"))
                    .header("Authorization", "Bearer " + host.getString("host_key"))
                    .header("X-Cairn-Host", Long.toString(host.getLong("host_id")))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode(), new String(file.body()));
        byte[] expected = Files.readAllBytes(example("collatz.json"));
        assertArrayEquals(expected, file.body());
        String sha256 = file.headers().firstValue("ETag").orElseThrow().replace("\"", "");
        HttpResponse<String> key =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/server-key")).build(),
                HttpResponse.BodyHandlers.ofString());
        byte[] publicKey =
            Base64.getDecoder()
                .decode(new JsonObject(key.body()).getJsonObject("data").getString("public_key"));
        assertTrue(ServerKey.verifyProgram(publicKey, sha256, row.getSignature()));
        assertFalse(
            ServerKey.verifyProgram(ServerKey.generate().publicKey(), sha256, row.getSignature()));
      }
    }
  }

  @Test
  void aBadProgramEntryNamesItsLine() {
    IllegalArgumentException noFile =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ProjectFile.parse(
                    List.of("organization acme", "  program p", "    max-steps = 5")));
    assertTrue(noFile.getMessage().contains("line 2: program p has no 'file"), noFile.getMessage());
    IllegalArgumentException badNumber =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ProjectFile.parse(
                    List.of(
                        "organization acme", "program p", "file = p.json", "max-attempts = x")));
    assertTrue(badNumber.getMessage().contains("max-attempts = 'x'"), badNumber.getMessage());
    IllegalArgumentException orphan =
        assertThrows(IllegalArgumentException.class, () -> ProjectFile.parse(List.of("program p")));
    assertTrue(orphan.getMessage().startsWith("line 1:"), orphan.getMessage());
  }

  private static String pw(OpsFixture ops) {
    return ops.database.password() == null ? "" : ops.database.password();
  }

  private static JsonObject post(HttpClient http, String url, String bearer, JsonObject body)
      throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
    if (bearer != null) {
      r.header("Authorization", "Bearer " + bearer);
    }
    HttpResponse<String> reply = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(201, reply.statusCode(), reply.body());
    return new JsonObject(reply.body()).getJsonObject("data");
  }
}
