package io.cairn.server;

import static io.cairn.schema.jooq.Tables.HOST;
import static io.cairn.schema.jooq.Tables.INPUT_GROUP;
import static io.cairn.schema.jooq.Tables.LEASE;
import static io.cairn.schema.jooq.Tables.RESULT;
import static io.cairn.schema.jooq.Tables.UPLOAD;
import static org.junit.jupiter.api.Assertions.*;

import io.cairn.server.auth.Secrets;
import io.cairn.server.auth.ServerKey;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The donor side, end to end over HTTP: accounts, hosts, scheduler, downloads, uploads. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DonorProtocolTest {
  private TestServer server;
  private Api api;
  private Donors donors;
  private String org;
  private String otherOrg;

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    server = TestServer.start("donor_protocol", b -> b.maxUploadBytes = 2048);
    api = new Api(vertx, server.port());
    donors = new Donors(api);
    org = api.registerAndLogin("science").getString("access_token");
    otherOrg = api.registerAndLogin("rival").getString("access_token");
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private long programWithGroups(String name, String word, int groups) {
    long id = api.uploadProgram(org, name, Programs.minimal(word)).getLong("id");
    StringBuilder csv = new StringBuilder();
    for (int i = 1; i <= groups; i++) {
      csv.append(i).append(',').append(i + 1).append('\n');
    }
    assertEquals(
        201,
        api.postRaw("/api/v1/programs/" + id + "/input-groups", org, "text/csv", csv.toString())
            .status());
    server.server.feedNow();
    return id;
  }

  @Test
  void accountsHoldSeveralKeysAndBadKeysAreRefused() {
    String key = donors.createAccount("ann@example.org");
    var dup =
        api.post(
            "/api/v1/donor/accounts",
            null,
            new JsonObject()
                .put("email", "ANN@example.org")
                .put("password", "donor-password")
                .put("display_name", "x"));
    assertEquals(409, dup.status());
    assertEquals("EMAIL_ALREADY_EXISTS", dup.errorCode());
    var lookup =
        api.post(
            "/api/v1/donor/accounts/lookup",
            null,
            new JsonObject().put("email", "ann@example.org").put("password", "donor-password"));
    assertEquals(200, lookup.status());
    String second = lookup.data().getString("account_key");
    assertNotEquals(key, second);
    assertEquals(201, donors.createHost(key, 1).id() > 0 ? 201 : 0);
    assertTrue(donors.createHost(second, 1).id() > 0, "both keys are valid");
    var wrong =
        api.post(
            "/api/v1/donor/accounts/lookup",
            null,
            new JsonObject().put("email", "ann@example.org").put("password", "wrong-password"));
    assertEquals(403, wrong.status());
    assertEquals("WRONG_CREDENTIALS", wrong.errorCode());
    var badKey = api.post("/api/v1/donor/hosts", "forged-key", new JsonObject().put("cores", 1));
    assertEquals(401, badKey.status());
    assertEquals("INVALID_CREDENTIALS", badKey.errorCode());
    Donors.Host h = donors.createHost(key, 1);
    var wrongHost = donors.schedule(new Donors.Host(h.id() + 1000, h.key()), 1, null);
    assertEquals("INVALID_CREDENTIALS", wrongHost.errorCode());
    var wrongHostKey = donors.schedule(new Donors.Host(h.id(), "nope"), 1, null);
    assertEquals("INVALID_CREDENTIALS", wrongHostKey.errorCode());
    var key1 = api.get("/api/v1/server-key", null);
    assertEquals("Ed25519", key1.data().getString("algorithm"));
    assertArrayEquals(
        server.server.serverPublicKey(),
        Base64.getDecoder().decode(key1.data().getString("public_key")));
  }

  @Test
  void schedulerLeasesWithinLimitsAndUploadsAreIdempotent() {
    programWithGroups("lease-me", "0x11", 3);
    Donors.Host host = donors.createHost(donors.createAccount("bo@example.org"), 2);
    Donors.Host thief = donors.createHost(donors.createAccount("eve@example.org"), 1);

    var reply = donors.schedule(host, 4, null);
    assertEquals(200, reply.status(), reply.body().toString());
    JsonArray leases = reply.data().getJsonArray("leases");
    assertEquals(2, leases.size(), "at most 'cores' jobs in progress");
    assertEquals(10, reply.data().getLong("next_request_delay"));
    JsonObject lease = leases.getJsonObject(0);
    assertEquals("EXECUTE_AND_PROVE", lease.getString("kind"));
    assertEquals(2, lease.getJsonArray("input").size());
    assertEquals(
        "/api/v1/leases/" + lease.getString("lease_id") + "/proof", lease.getString("upload_url"));

    // the program download: hash, signature, ETag, Range
    JsonObject program = lease.getJsonObject("program");
    var file = api.send(donors.request(HttpMethod.GET, program.getString("url"), host));
    assertEquals(200, file.status());
    assertEquals(program.getString("sha256"), Secrets.sha256Hex(file.body().getBytes()));
    assertEquals("\"" + program.getString("sha256") + "\"", file.headers().get("ETag"));
    assertTrue(
        ServerKey.verifyProgram(
            server.server.serverPublicKey(),
            program.getString("sha256"),
            Base64.getDecoder().decode(program.getString("signature"))));
    var part =
        api.send(
            donors
                .request(HttpMethod.GET, program.getString("url"), host)
                .putHeader("Range", "bytes=10-19"));
    assertEquals(206, part.status());
    assertEquals(file.body().getBuffer(10, 20), part.body());
    var rest =
        api.send(
            donors
                .request(HttpMethod.GET, program.getString("url"), host)
                .putHeader("Range", "bytes=20-"));
    assertEquals(file.body().length() - 20, rest.body().length());
    assertEquals(
        416,
        api.send(
                donors
                    .request(HttpMethod.GET, program.getString("url"), host)
                    .putHeader("Range", "bytes=99999-"))
            .status());
    assertEquals(
        304,
        api.send(
                donors
                    .request(HttpMethod.GET, program.getString("url"), host)
                    .putHeader("If-None-Match", file.headers().get("ETag")))
            .status());
    assertEquals(401, api.get(program.getString("url"), null).status());

    // a full host gets nothing more, and is told why
    var full = donors.schedule(host, 4, null);
    assertEquals(0, full.data().getJsonArray("leases").size());
    assertEquals("too many jobs in progress", full.data().getString("message"));

    String leaseId = lease.getString("lease_id");
    byte[] proof = "a proof".getBytes(StandardCharsets.UTF_8);
    var stolen = donors.upload(thief, leaseId, "proof", proof);
    assertEquals(404, stolen.status());
    assertEquals("LEASE_NOT_FOUND", stolen.errorCode());
    assertEquals("VALIDATION_FAILED", donors.upload(host, leaseId, "trace", proof).errorCode());
    var up = donors.upload(host, leaseId, "proof", proof);
    assertEquals(200, up.status(), up.body().toString());
    assertFalse(up.data().getBoolean("duplicate"));
    assertEquals(proof.length, up.data().getLong("received_bytes"));
    var retry = donors.upload(host, leaseId, "proof", proof);
    assertTrue(retry.data().getBoolean("duplicate"));
    var other =
        donors.upload(host, leaseId, "proof", "another proof".getBytes(StandardCharsets.UTF_8));
    assertEquals(409, other.status());
    assertEquals("ALREADY_UPLOADED", other.errorCode());
    long groupId = lease.getLong("input_group_id");
    assertEquals("PROVEN", groupState(groupId));
    assertEquals(1, server.database.dsl().fetchCount(UPLOAD));

    // too large: refused, nothing stored
    String second = leases.getJsonObject(1).getString("lease_id");
    var big = donors.upload(host, second, "proof", new byte[4096]);
    assertEquals(413, big.status());
    assertEquals("UPLOAD_TOO_LARGE", big.errorCode());
    assertEquals(1, server.database.dsl().fetchCount(UPLOAD));

    // abandoning the second lease sends its group back to READY
    long secondGroup = leases.getJsonObject(1).getLong("input_group_id");
    var report =
        donors.schedule(
            host,
            0,
            new JsonArray()
                .add(
                    new JsonObject()
                        .put("lease_id", second)
                        .put("outcome", "ABANDONED")
                        .put("reason", "user aborted")));
    assertEquals(new JsonArray().add(second), report.data().getJsonArray("acks"));
    assertEquals("READY", groupState(secondGroup));
    assertEquals(
        "ABANDONED",
        server
            .database
            .dsl()
            .select(LEASE.STATE)
            .from(LEASE)
            .where(LEASE.TOKEN.eq(second))
            .fetchOne(LEASE.STATE));
    assertEquals(
        410 / 410 * 409,
        donors.upload(host, second, "proof", proof).status(),
        "an abandoned lease takes no upload");
  }

  @Test
  void expiredLeasesRefuseUploadsAndQuotasAndBackoffApply() {
    programWithGroups("expire-me", "0x12", 2);
    Donors.Host host = donors.createHost(donors.createAccount("cy@example.org"), 1);
    var reply = donors.schedule(host, 1, null);
    String leaseId = reply.data().getJsonArray("leases").getJsonObject(0).getString("lease_id");
    server
        .database
        .dsl()
        .update(LEASE)
        .set(LEASE.DEADLINE, OffsetDateTime.now().minusMinutes(1))
        .where(LEASE.TOKEN.eq(leaseId))
        .execute();
    var late = donors.upload(host, leaseId, "proof", new byte[] {1, 2, 3});
    assertEquals(410, late.status());
    assertEquals("LEASE_EXPIRED", late.errorCode());

    // daily quota reached
    server
        .database
        .dsl()
        .update(LEASE)
        .set(LEASE.STATE, "EXPIRED")
        .where(LEASE.TOKEN.eq(leaseId))
        .execute();
    server
        .database
        .dsl()
        .update(HOST)
        .set(HOST.MAX_JOBS_PER_DAY, 1)
        .where(HOST.ID.eq(host.id()))
        .execute();
    var quota = donors.schedule(host, 1, null);
    assertEquals(0, quota.data().getJsonArray("leases").size());
    assertEquals("daily job quota reached", quota.data().getString("message"));

    // no work at all: the delay doubles
    Donors.Host idle = donors.createHost(donors.createAccount("di@example.org"), 1);
    server
        .database
        .dsl()
        .update(INPUT_GROUP)
        .set(INPUT_GROUP.STATE, "CANCELLED")
        .where(INPUT_GROUP.STATE.eq("READY"))
        .execute();
    server.server.feedNow();
    for (int i = 0; i < 10; i++) {
      server.server.feedNow();
    }
    long d1 = donors.schedule(idle, 1, null).data().getLong("next_request_delay");
    long d2 = donors.schedule(idle, 1, null).data().getLong("next_request_delay");
    assertTrue(d2 > d1 && d1 > 10, d1 + " then " + d2);
  }

  @Test
  void aHostsFirstRequestMayBeAnUploadAndNoByteIsLost() {
    programWithGroups("first-upload", "0x14", 1);
    Donors.Host scheduler = donors.createHost(donors.createAccount("gi@example.org"), 1);
    JsonObject lease =
        donors.schedule(scheduler, 1, null).data().getJsonArray("leases").getJsonObject(0);
    // hand the lease to a host the server has not authenticated yet (its key is checked in the
    // database while the body is already arriving)
    Donors.Host fresh = donors.createHost(donors.createAccount("ha@example.org"), 1);
    server
        .database
        .dsl()
        .update(LEASE)
        .set(LEASE.HOST_ID, fresh.id())
        .where(LEASE.TOKEN.eq(lease.getString("lease_id")))
        .execute();
    byte[] proof = new byte[2000];
    for (int i = 0; i < proof.length; i++) {
      proof[i] = (byte) i;
    }
    var up = donors.upload(fresh, lease.getString("lease_id"), "proof", proof);
    assertEquals(200, up.status(), up.body().toString());
    assertEquals(proof.length, up.data().getLong("received_bytes"));
  }

  @Test
  void malformedSchedulerRequestsGetTypedErrors() {
    Donors.Host host = donors.createHost(donors.createAccount("ed@example.org"), 1);
    var wrongProtocol =
        Api.of(
            donors
                .request(HttpMethod.POST, "/api/v1/scheduler", host)
                .sendJsonObject(new JsonObject().put("protocol", 2))
                .await());
    assertEquals(400, wrongProtocol.status());
    assertEquals("UNSUPPORTED_PROTOCOL", wrongProtocol.errorCode());
    var unknown =
        Api.of(
            donors
                .request(HttpMethod.POST, "/api/v1/scheduler", host)
                .sendJsonObject(
                    new JsonObject()
                        .put("protocol", 1)
                        .put("work_request", new JsonObject().put("sekonds", 5)))
                .await());
    assertEquals("UNKNOWN_FIELD", unknown.errorCode());
    var wrongType =
        Api.of(
            donors
                .request(HttpMethod.POST, "/api/v1/scheduler", host)
                .sendJsonObject(
                    new JsonObject()
                        .put("protocol", 1)
                        .put("work_request", new JsonObject().put("max_jobs", "four")))
                .await());
    assertEquals("VALIDATION_FAILED", wrongType.errorCode());
    var badOutcome =
        donors.schedule(
            host,
            0,
            new JsonArray().add(new JsonObject().put("lease_id", "x").put("outcome", "EXPLODED")));
    assertEquals("VALIDATION_FAILED", badOutcome.errorCode());
    var unknownLease =
        donors.schedule(
            host,
            0,
            new JsonArray().add(new JsonObject().put("lease_id", "nope").put("outcome", "FAILED")));
    assertEquals(200, unknownLease.status());
    assertEquals(
        "LEASE_NOT_FOUND",
        donors.upload(host, "no-such-lease", "proof", new byte[] {1}).errorCode());
  }

  @Test
  void resultsFeedAndProofDownloadBelongToTheOrganization() {
    long programId = programWithGroups("results", "0x13", 1);
    Donors.Host host = donors.createHost(donors.createAccount("fa@example.org"), 1);
    JsonObject lease =
        donors.schedule(host, 1, null).data().getJsonArray("leases").getJsonObject(0);
    byte[] proof = "proof bytes".getBytes(StandardCharsets.UTF_8);
    assertEquals(200, donors.upload(host, lease.getString("lease_id"), "proof", proof).status());
    // what the validator writes when the proof verifies
    var dsl = server.database.dsl();
    long groupId = lease.getLong("input_group_id");
    long leaseRow =
        dsl.select(LEASE.ID)
            .from(LEASE)
            .where(LEASE.TOKEN.eq(lease.getString("lease_id")))
            .fetchOne(LEASE.ID);
    long uploadId =
        dsl.select(UPLOAD.ID).from(UPLOAD).where(UPLOAD.LEASE_ID.eq(leaseRow)).fetchOne(UPLOAD.ID);
    long orgId =
        dsl.select(INPUT_GROUP.ORGANIZATION_ID)
            .from(INPUT_GROUP)
            .where(INPUT_GROUP.ID.eq(groupId))
            .fetchOne(INPUT_GROUP.ORGANIZATION_ID);
    byte[] output = new byte[32];
    output[31] = 42;
    dsl.insertInto(RESULT)
        .set(RESULT.INPUT_GROUP_ID, groupId)
        .set(RESULT.PROGRAM_ID, programId)
        .set(RESULT.ORGANIZATION_ID, orgId)
        .set(RESULT.LEASE_ID, leaseRow)
        .set(RESULT.UPLOAD_ID, uploadId)
        .set(RESULT.OUTPUT, output)
        .set(RESULT.STEPS, 7L)
        .set(RESULT.SECURITY_BITS, 100)
        .execute();
    var feed = api.get("/api/v1/results?after=0", org);
    assertEquals(1, feed.data().getJsonArray("items").size());
    JsonObject result = feed.data().getJsonArray("items").getJsonObject(0);
    assertEquals("42", result.getJsonArray("output").getString(0));
    // what an organization needs to verify the proof itself: the lease it is bound to, the input
    assertEquals(lease.getString("lease_id"), result.getString("lease_token"));
    assertEquals(lease.getJsonArray("input"), result.getJsonArray("input"));
    long cursor = feed.data().getLong("next_cursor");
    assertEquals(
        0, api.get("/api/v1/results?after=" + cursor, org).data().getJsonArray("items").size());
    assertEquals(
        cursor, api.get("/api/v1/results?after=" + cursor, org).data().getLong("next_cursor"));
    assertEquals(0, api.get("/api/v1/results", otherOrg).data().getJsonArray("items").size());
    var download = api.get(result.getString("proof_url"), org);
    assertEquals(200, download.status());
    assertArrayEquals(proof, download.body().getBytes());
    assertEquals("RESULT_NOT_FOUND", api.get(result.getString("proof_url"), otherOrg).errorCode());
    assertEquals(
        "RESULT_NOT_FOUND",
        api.get("/api/v1/results/" + result.getLong("result_id"), otherOrg).errorCode());
    assertEquals("VALIDATION_FAILED", api.get("/api/v1/results?limit=0", org).errorCode());
  }

  @Test
  void statusPageJsonAndMetrics() {
    var json = api.get("/status.json", null);
    assertEquals(200, json.status());
    assertTrue(json.data().containsKey("jobs_by_state"));
    assertTrue(
        json.data().getJsonArray("daemons").stream()
            .anyMatch(d -> ((JsonObject) d).getString("daemon").equals("feeder")));
    var html = api.get("/status", null);
    assertTrue(html.body().toString().contains("<h1>Cairn server status</h1>"));
    var metrics = api.get("/metrics", null);
    assertTrue(metrics.body().toString().contains("cairn_input_groups{state=\"READY\"}"));
    assertTrue(metrics.body().toString().contains("cairn_leases_dispatched_total"));
    assertEquals(200, api.get("/health", null).status());
  }

  private String groupState(long id) {
    return server
        .database
        .dsl()
        .select(INPUT_GROUP.STATE)
        .from(INPUT_GROUP)
        .where(INPUT_GROUP.ID.eq(id))
        .fetchOne(INPUT_GROUP.STATE);
  }

  @Test
  void schedulerAnswersOverHttp2AsTheCoreClientSpeaksIt() throws Exception {
    // java.net.http upgrades to HTTP/2 (h2c); a new host's first RPC goes through the key check
    Donors.Host host = donors.createHost(donors.createAccount("h2@example.org"), 1);
    java.net.http.HttpClient http =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_2)
            .build();
    String body = "{\"protocol\":1,\"work_request\":{\"seconds\":0,\"max_jobs\":0},\"reports\":[]}";
    for (int i = 0; i < 2; i++) {
      java.net.http.HttpResponse<String> reply =
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(
                          "http://127.0.0.1:" + server.port() + "/api/v1/scheduler"))
                  .header("Authorization", "Bearer " + host.key())
                  .header("X-Cairn-Host", Long.toString(host.id()))
                  .header("Content-Type", "application/json")
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(200, reply.statusCode(), reply.body());
      assertEquals(java.net.http.HttpClient.Version.HTTP_2, reply.version());
    }
  }
}
