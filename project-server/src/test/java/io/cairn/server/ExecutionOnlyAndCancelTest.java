package io.cairn.server;

import static io.cairn.schema.jooq.Tables.INPUT_GROUP;
import static io.cairn.schema.jooq.Tables.LEASE;
import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Execution-only jobs (EXECUTE, then PROVE on another host) and cancellation of leased groups. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExecutionOnlyAndCancelTest {
  private TestServer server;
  private Api api;
  private Donors donors;
  private String org;

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    server = TestServer.start("exec_only");
    api = new Api(vertx, server.port());
    donors = new Donors(api);
    org = api.registerAndLogin("split").getString("access_token");
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void executeThenProveOnAnotherHost() {
    var form =
        MultipartForm.create()
            .attribute("name", "split")
            .attribute("execution_only", "true")
            .textFileUpload(
                "file", "p.json", Buffer.buffer(Programs.minimal("0x21")), "application/json");
    long programId = api.multipart("/api/v1/programs", org, form).data().getLong("id");
    api.postRaw("/api/v1/programs/" + programId + "/input-groups", org, "text/csv", "9\n");
    server.server.feedNow();
    Donors.Host executor = donors.createHost(donors.createAccount("ex@example.org"), 1);
    Donors.Host prover = donors.createHost(donors.createAccount("pr@example.org"), 1);

    assertEquals(
        0,
        donors.scheduleKinds(prover, 1, "EXECUTE_AND_PROVE").data().getJsonArray("leases").size());
    JsonObject exec =
        donors.scheduleKinds(executor, 1, "EXECUTE").data().getJsonArray("leases").getJsonObject(0);
    assertEquals("EXECUTE", exec.getString("kind"));
    assertTrue(exec.getString("upload_url").endsWith("/trace"));
    byte[] trace = "trace bundle".getBytes(StandardCharsets.UTF_8);
    assertEquals(
        "VALIDATION_FAILED",
        donors.upload(executor, exec.getString("lease_id"), "proof", trace).errorCode());
    assertEquals(200, donors.upload(executor, exec.getString("lease_id"), "trace", trace).status());
    long groupId = exec.getLong("input_group_id");
    assertEquals("EXECUTED", state(groupId));

    server.server.feedNow();
    JsonObject prove =
        donors.scheduleKinds(prover, 1, "PROVE").data().getJsonArray("leases").getJsonObject(0);
    assertEquals("PROVE", prove.getString("kind"));
    assertEquals(groupId, prove.getLong("input_group_id"));
    assertEquals("PROVING", state(groupId));
    var got = api.send(donors.request(HttpMethod.GET, prove.getString("trace_url"), prover));
    assertEquals(200, got.status());
    assertArrayEquals(trace, got.body().getBytes());
    assertEquals(
        404,
        api.send(donors.request(HttpMethod.GET, prove.getString("trace_url"), executor)).status());
    assertEquals(
        200,
        donors
            .upload(
                prover, prove.getString("lease_id"), "proof", "p".getBytes(StandardCharsets.UTF_8))
            .status());
    assertEquals("PROVEN", state(groupId));
  }

  @Test
  void cancellingALeasedGroupCancelsItsLease() {
    long programId =
        api.uploadProgram(org, "cancel-leased", Programs.minimal("0x22")).getLong("id");
    api.postRaw("/api/v1/programs/" + programId + "/input-groups", org, "text/csv", "1\n");
    server.server.feedNow();
    Donors.Host host = donors.createHost(donors.createAccount("cl@example.org"), 1);
    JsonObject lease =
        donors
            .scheduleKinds(host, 1, "EXECUTE_AND_PROVE")
            .data()
            .getJsonArray("leases")
            .getJsonObject(0);
    long groupId = lease.getLong("input_group_id");
    assertEquals(
        "CANCELLED",
        api.post("/api/v1/input-groups/" + groupId + "/cancel", org, new JsonObject())
            .data()
            .getString("state"));
    assertEquals(
        "CANCELLED",
        server
            .database
            .dsl()
            .select(LEASE.STATE)
            .from(LEASE)
            .where(LEASE.TOKEN.eq(lease.getString("lease_id")))
            .fetchOne(LEASE.STATE));
    var late = donors.upload(host, lease.getString("lease_id"), "proof", new byte[] {1});
    assertEquals(409, late.status());
    assertEquals("LEASE_NOT_LIVE", late.errorCode());
  }

  private String state(long id) {
    return server
        .database
        .dsl()
        .select(INPUT_GROUP.STATE)
        .from(INPUT_GROUP)
        .where(INPUT_GROUP.ID.eq(id))
        .fetchOne(INPUT_GROUP.STATE);
  }
}
