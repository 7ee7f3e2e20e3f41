package io.cairn.server;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganizationApiTest {
  private TestServer server;
  private Api api;

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    server = TestServer.start("org_api");
    api = new Api(vertx, server.port());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void registerLoginRefreshRotatesAndLogoutRevokes() {
    JsonObject tokens = api.registerAndLogin("acme");
    assertNotNull(tokens.getString("access_token"));
    assertEquals(200, api.get("/api/v1/programs", tokens.getString("access_token")).status());

    var refreshed =
        api.post(
            "/api/v1/auth/refresh",
            null,
            new JsonObject().put("refresh_token", tokens.getString("refresh_token")));
    assertEquals(200, refreshed.status());
    String second = refreshed.data().getString("refresh_token");
    assertNotEquals(tokens.getString("refresh_token"), second);
    assertEquals(
        200, api.get("/api/v1/programs", refreshed.data().getString("access_token")).status());

    // the old refresh token is used up; replaying it also revokes its successor (theft detection)
    var replay =
        api.post(
            "/api/v1/auth/refresh",
            null,
            new JsonObject().put("refresh_token", tokens.getString("refresh_token")));
    assertEquals(404, replay.status());
    assertEquals("REFRESH_TOKEN_NOT_FOUND", replay.errorCode());
    assertEquals(
        404,
        api.post("/api/v1/auth/refresh", null, new JsonObject().put("refresh_token", second))
            .status());

    JsonObject again = loginAs("acme");
    var logout =
        api.post(
            "/api/v1/auth/logout",
            null,
            new JsonObject().put("refresh_token", again.getString("refresh_token")));
    assertEquals(200, logout.status());
    assertEquals(
        "REFRESH_TOKEN_NOT_FOUND",
        api.post(
                "/api/v1/auth/refresh",
                null,
                new JsonObject().put("refresh_token", again.getString("refresh_token")))
            .errorCode());

    JsonObject third = loginAs("acme");
    String access = third.getString("access_token");
    assertEquals(
        200,
        api.delete("/api/v1/auth/refresh-tokens/" + third.getString("refresh_token_id"), access)
            .status());
    assertEquals(
        404,
        api.delete("/api/v1/auth/refresh-tokens/" + third.getString("refresh_token_id"), access)
            .status());
  }

  private JsonObject loginAs(String name) {
    return api.post(
            "/api/v1/auth/login",
            null,
            new JsonObject().put("username", name + "-admin").put("password", "password-" + name))
        .data();
  }

  @Test
  void wrongCredentialsAndDuplicates() {
    api.registerAndLogin("dupe");
    var wrong =
        api.post(
            "/api/v1/auth/login",
            null,
            new JsonObject().put("username", "dupe-admin").put("password", "nope-nope"));
    assertEquals(403, wrong.status());
    assertEquals("WRONG_CREDENTIALS", wrong.errorCode());
    var unknown =
        api.post(
            "/api/v1/auth/login",
            null,
            new JsonObject().put("username", "nobody").put("password", "nope-nope"));
    assertEquals("WRONG_CREDENTIALS", unknown.errorCode());
    var sameUser =
        api.post(
            "/api/v1/auth/register",
            null,
            new JsonObject()
                .put("username", "dupe-admin")
                .put("password", "password-x")
                .put("name", "other"));
    assertEquals(409, sameUser.status());
    assertEquals("USERNAME_ALREADY_EXISTS", sameUser.errorCode());
    var sameOrg =
        api.post(
            "/api/v1/auth/register",
            null,
            new JsonObject()
                .put("username", "fresh-user")
                .put("password", "password-x")
                .put("name", "dupe"));
    assertEquals("ORGANIZATION_NAME_TAKEN", sameOrg.errorCode());
  }

  @Test
  void badBodiesGetTypedErrorsNotStackTraces() {
    var malformed = api.postRaw("/api/v1/auth/login", null, "application/json", "{\"username\": ");
    assertEquals(400, malformed.status());
    assertEquals("MALFORMED_JSON", malformed.errorCode());
    var notObject = api.postRaw("/api/v1/auth/login", null, "application/json", "[1,2]");
    assertEquals("MALFORMED_JSON", notObject.errorCode());
    var wrongType =
        api.post(
            "/api/v1/auth/login", null, new JsonObject().put("username", 42).put("password", "x"));
    assertEquals(422, wrongType.status());
    assertEquals("VALIDATION_FAILED", wrongType.errorCode());
    var unknownField =
        api.post(
            "/api/v1/auth/register",
            null,
            new JsonObject()
                .put("username", "abc")
                .put("password", "password1")
                .put("name", "n")
                .put("admin", true));
    assertEquals(400, unknownField.status());
    assertEquals("UNKNOWN_FIELD", unknownField.errorCode());
    var missing = api.post("/api/v1/auth/register", null, new JsonObject().put("username", "abc"));
    assertEquals("VALIDATION_FAILED", missing.errorCode());
    var huge =
        api.postRaw(
            "/api/v1/auth/login",
            null,
            "application/json",
            "{\"username\":\"" + "x".repeat(400_000) + "\"}");
    assertEquals(413, huge.status());
    assertEquals("BODY_TOO_LARGE", huge.errorCode());
    var noRoute = api.get("/api/v1/nothing-here", null);
    assertEquals(404, noRoute.status());
    assertEquals("NOT_FOUND", noRoute.errorCode());
    var wrongMethod = api.send(api.request(HttpMethod.PATCH, "/api/v1/auth/login", null));
    assertEquals(405, wrongMethod.status());
    assertEquals("METHOD_NOT_ALLOWED", wrongMethod.errorCode());
  }

  @Test
  void missingForgedAndExpiredTokensAreRefused(Vertx vertx) {
    var missing = api.get("/api/v1/programs", null);
    assertEquals(401, missing.status());
    assertEquals("MISSING_TOKEN", missing.errorCode());
    var garbage = api.get("/api/v1/programs", "not.a.jwt");
    assertEquals(403, garbage.status());
    assertEquals("INVALID_TOKEN", garbage.errorCode());
    JWTAuth forger =
        JWTAuth.create(
            vertx,
            new JWTAuthOptions()
                .addPubSecKey(
                    new PubSecKeyOptions()
                        .setAlgorithm("HS256")
                        .setBuffer("another-secret-another-secret-0123456")));
    String forged =
        forger.generateToken(
            new JsonObject().put("sub", "1").put("org", 1).put("typ", "access"), new JWTOptions());
    assertEquals("INVALID_TOKEN", api.get("/api/v1/programs", forged).errorCode());
    JWTAuth sameKey =
        JWTAuth.create(
            vertx,
            new JWTAuthOptions()
                .addPubSecKey(
                    new PubSecKeyOptions()
                        .setAlgorithm("HS256")
                        .setBuffer("test-secret-test-secret-test-secret-0123")));
    long past = System.currentTimeMillis() / 1000 - 3600;
    String expired =
        sameKey.generateToken(
            new JsonObject()
                .put("sub", "1")
                .put("org", 1)
                .put("typ", "access")
                .put("exp", past)
                .put("iat", past - 60),
            new JWTOptions());
    assertEquals("INVALID_TOKEN", api.get("/api/v1/programs", expired).errorCode());
    String notAccess =
        sameKey.generateToken(new JsonObject().put("sub", "1").put("org", 1), new JWTOptions());
    assertEquals("INVALID_TOKEN", api.get("/api/v1/programs", notAccess).errorCode());
  }

  @Test
  void organizationsArePaginatedAndFilteredByPrefix() {
    for (String n : new String[] {"lab-a", "lab-b", "lab-c", "zoo"}) {
      api.registerAndLogin(n);
    }
    var page1 = api.get("/api/v1/organizations?name_filter=lab-&limit=2&page=1", null);
    assertEquals(200, page1.status());
    assertEquals(3, page1.data().getLong("total_elements_amount"));
    assertEquals(2, page1.data().getJsonArray("items").size());
    assertEquals("lab-a", page1.data().getJsonArray("items").getJsonObject(0).getString("name"));
    var page2 = api.get("/api/v1/organizations?name_filter=lab-&limit=2&page=2", null);
    assertEquals(1, page2.data().getJsonArray("items").size());
    assertEquals("VALIDATION_FAILED", api.get("/api/v1/organizations?limit=51", null).errorCode());
    assertEquals("VALIDATION_FAILED", api.get("/api/v1/organizations?limit=0", null).errorCode());
    assertEquals("VALIDATION_FAILED", api.get("/api/v1/organizations?page=0", null).errorCode());
    assertEquals("VALIDATION_FAILED", api.get("/api/v1/organizations?page=abc", null).errorCode());
  }
}
