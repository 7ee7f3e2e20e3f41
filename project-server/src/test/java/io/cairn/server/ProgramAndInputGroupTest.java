package io.cairn.server;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.VertxExtension;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgramAndInputGroupTest {
  private TestServer server;
  private Api api;
  private String alice;
  private String bob;

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    server = TestServer.start("programs", b -> b.maxProgramBytes = 4096);
    api = new Api(vertx, server.port());
    alice = api.registerAndLogin("alice").getString("access_token");
    bob = api.registerAndLogin("bob").getString("access_token");
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void uploadValidatesSignsAndStoresPrograms() {
    JsonObject p = api.uploadProgram(alice, "square", Programs.minimal());
    assertEquals("square", p.getString("name"));
    assertEquals(64, p.getString("sha256").length());
    assertEquals(64, p.getString("bytecode_hash").length());
    byte[] signature = Base64.getDecoder().decode(p.getString("signature"));
    assertTrue(
        io.cairn.server.auth.ServerKey.verifyProgram(
            server.server.serverPublicKey(), p.getString("sha256"), signature));

    var dup = api.multipart("/api/v1/programs", alice, form("square", Programs.minimal("0x1")));
    assertEquals(409, dup.status());
    assertEquals("PROGRAM_NAME_TAKEN", dup.errorCode());
    // another organization may use the same name
    assertEquals(
        201, api.multipart("/api/v1/programs", bob, form("square", Programs.minimal())).status());

    var hint = api.multipart("/api/v1/programs", alice, form("evil", Programs.withUnknownHint()));
    assertEquals(422, hint.status());
    assertEquals("INVALID_PROGRAM", hint.errorCode());
    assertTrue(hint.json().getString("error_message").contains("hint"));
    var junk = api.multipart("/api/v1/programs", alice, form("junk", "{not json"));
    assertEquals("INVALID_PROGRAM", junk.errorCode());
    var big =
        api.multipart(
            "/api/v1/programs", alice, form("big", " ".repeat(5000) + Programs.minimal()));
    assertEquals(413, big.status());
    var noFile =
        api.multipart("/api/v1/programs", alice, MultipartForm.create().attribute("name", "x"));
    assertEquals("VALIDATION_FAILED", noFile.errorCode());
    var badLimit = form("limits", Programs.minimal("0x2")).attribute("max_steps", "-5");
    assertEquals(
        "VALIDATION_FAILED", api.multipart("/api/v1/programs", alice, badLimit).errorCode());
  }

  private static MultipartForm form(String name, String json) {
    return MultipartForm.create()
        .attribute("name", name)
        .textFileUpload("file", "p.json", Buffer.buffer(json), "application/json");
  }

  @Test
  void programsAreVisibleToTheirOwnerOnly() {
    long id = api.uploadProgram(alice, "private-one", Programs.minimal("0x3")).getLong("id");
    assertEquals(200, api.get("/api/v1/programs/" + id, alice).status());
    var other = api.get("/api/v1/programs/" + id, bob);
    assertEquals(404, other.status());
    assertEquals("PROGRAM_NOT_FOUND", other.errorCode());
    assertEquals("PROGRAM_NOT_FOUND", api.delete("/api/v1/programs/" + id, bob).errorCode());
    assertEquals("PROGRAM_NOT_FOUND", api.get("/api/v1/programs/abc", alice).errorCode());
    var upload = api.postRaw("/api/v1/programs/" + id + "/input-groups", bob, "text/csv", "1,2\n");
    assertEquals("PROGRAM_NOT_FOUND", upload.errorCode());
    assertEquals(
        "PROGRAM_NOT_FOUND", api.get("/api/v1/programs/" + id + "/input-groups", bob).errorCode());
    var mine = api.get("/api/v1/programs?name_filter=private", alice);
    assertEquals(1, mine.data().getLong("total_elements_amount"));
    assertEquals(
        0,
        api.get("/api/v1/programs?name_filter=private", bob)
            .data()
            .getLong("total_elements_amount"));
  }

  @Test
  void theCatalogListsEveryOrganizationsProgramsWithoutLogin() {
    long a = api.uploadProgram(alice, "catalog-a", Programs.minimal("0x5")).getLong("id");
    long b = api.uploadProgram(bob, "catalog-b", Programs.minimal("0x6")).getLong("id");
    var all = api.get("/api/v1/program-catalog?name_filter=catalog-", null);
    assertEquals(200, all.status());
    assertEquals(2, all.data().getLong("total_elements_amount"));
    var items = all.data().getJsonArray("items");
    assertEquals(a, items.getJsonObject(0).getLong("id"));
    assertEquals(b, items.getJsonObject(1).getLong("id"));
    assertNotEquals(
        items.getJsonObject(0).getLong("organization_id"),
        items.getJsonObject(1).getLong("organization_id"));
    assertEquals(
        "catalog-b", items.getJsonObject(1).getString("name"), "public metadata: the name");
    var page = api.get("/api/v1/program-catalog?name_filter=catalog-&limit=1&page=2", null);
    assertEquals(1, page.data().getJsonArray("items").size());
    assertEquals(b, page.data().getJsonArray("items").getJsonObject(0).getLong("id"));
    assertEquals(2, page.data().getLong("total_elements_amount"));
    var bad = api.get("/api/v1/program-catalog?limit=51", null);
    assertEquals(422, bad.status());
    assertEquals("VALIDATION_FAILED", bad.errorCode());
  }

  @Test
  void bulkInputGroupsAreAllOrNothingWithLineErrors() {
    long id = api.uploadProgram(alice, "bulk", Programs.minimal("0x4")).getLong("id");
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      csv.append(i).append(',').append(i * 2).append('\n');
    }
    var ok =
        api.postRaw("/api/v1/programs/" + id + "/input-groups", alice, "text/csv", csv.toString());
    assertEquals(201, ok.status(), ok.body().toString());
    assertEquals(3000, ok.data().getInteger("created"));

    String bad =
        "{\"input\":[\"1\",\"2\"],\"name\":\"good\"}\n"
            + "{\"input\":[\"-1\"]}\n"
            + "not json\n"
            + "{\"input\":[\"3618502788666131213697322783095070105623107215331596699973092056135872020481\"]}\n"
            + "{\"input\":[1], \"colour\":\"red\"}\n"
            + "{\"input\":[1.5]}\n";
    var rejected =
        api.postRaw("/api/v1/programs/" + id + "/input-groups", alice, "application/x-ndjson", bad);
    assertEquals(422, rejected.status());
    assertEquals("INVALID_INPUT_GROUPS", rejected.errorCode());
    var details = rejected.json().getJsonArray("details");
    assertEquals(5, details.size());
    assertEquals(2, details.getJsonObject(0).getInteger("line"));
    var list = api.get("/api/v1/programs/" + id + "/input-groups?limit=1", alice);
    assertEquals(
        3000,
        list.data().getLong("total_elements_amount"),
        "nothing of the bad request was stored");

    var good =
        api.postRaw(
            "/api/v1/programs/" + id + "/input-groups",
            alice,
            "application/x-ndjson",
            "{\"input\":[\"0x10\", 7],\"name\":\"n1\",\"priority\":5,\"max_attempts\":2}\n");
    assertEquals(201, good.status());
    long groupId = good.data().getJsonArray("ids").getLong(0);
    var g = api.get("/api/v1/input-groups/" + groupId, alice);
    assertEquals("READY", g.data().getString("state"));
    assertEquals("16", g.data().getJsonArray("input").getString(0));
    assertEquals("7", g.data().getJsonArray("input").getString(1));
    assertEquals(2, g.data().getInteger("max_attempts"));
    assertEquals(
        "INPUT_GROUP_NOT_FOUND", api.get("/api/v1/input-groups/" + groupId, bob).errorCode());

    assertEquals(
        415,
        api.postRaw("/api/v1/programs/" + id + "/input-groups", alice, "application/xml", "<x/>")
            .status());
    assertEquals(
        "INVALID_INPUT_GROUPS",
        api.postRaw("/api/v1/programs/" + id + "/input-groups", alice, "text/csv", "\n\n")
            .errorCode());
  }

  @Test
  void cancelMovesGroupsToCancelledOnceAndOnlyForTheOwner() {
    long id = api.uploadProgram(alice, "cancel-me", Programs.minimal("0x5")).getLong("id");
    var up =
        api.postRaw("/api/v1/programs/" + id + "/input-groups", alice, "text/csv", "1\n2\n3\n");
    long first = up.data().getJsonArray("ids").getLong(0);
    assertEquals(
        "INPUT_GROUP_NOT_FOUND",
        api.post("/api/v1/input-groups/" + first + "/cancel", bob, new JsonObject()).errorCode());
    var c = api.post("/api/v1/input-groups/" + first + "/cancel", alice, new JsonObject());
    assertEquals(200, c.status());
    assertEquals("CANCELLED", c.data().getString("state"));
    var again = api.post("/api/v1/input-groups/" + first + "/cancel", alice, new JsonObject());
    assertEquals(409, again.status());
    assertEquals("INPUT_GROUP_NOT_CANCELLABLE", again.errorCode());
    var all = api.post("/api/v1/programs/" + id + "/input-groups/cancel", alice, new JsonObject());
    assertEquals(2, all.data().getInteger("cancelled"));
    var cancelled = api.get("/api/v1/programs/" + id + "/input-groups?state=CANCELLED", alice);
    assertEquals(3, cancelled.data().getLong("total_elements_amount"));
    assertEquals(
        "VALIDATION_FAILED",
        api.get("/api/v1/programs/" + id + "/input-groups?state=NOPE", alice).errorCode());

    var del = api.delete("/api/v1/programs/" + id, alice);
    assertEquals(200, del.status());
    assertEquals(
        "INPUT_GROUP_NOT_FOUND", api.get("/api/v1/input-groups/" + first, alice).errorCode());
    assertEquals("PROGRAM_NOT_FOUND", api.get("/api/v1/programs/" + id, alice).errorCode());
  }
}
