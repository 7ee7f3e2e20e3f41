package io.cairn.server.org;

import io.cairn.server.Db;
import io.cairn.server.SqlErrors;
import io.cairn.server.auth.OrgAuth;
import io.cairn.server.auth.Passwords;
import io.cairn.server.auth.Secrets;
import io.cairn.server.http.ApiException;
import io.cairn.server.http.ErrorCode;
import io.cairn.server.http.JsonBody;
import io.cairn.server.http.Paging;
import io.cairn.server.http.Params;
import io.cairn.server.http.Replies;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

/**
 * Organization accounts: register, log in, refresh (rotating refresh tokens), log out, and the
 * public list of organizations.
 */
public final class OrganizationHandlers {
  private static final Set<String> REGISTER_FIELDS =
      Set.of("username", "password", "name", "public_name", "description");
  private static final Set<String> LOGIN_FIELDS = Set.of("username", "password");
  private static final Set<String> TOKEN_FIELDS = Set.of("refresh_token");
  private static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]*";

  private final Db db;
  private final OrganizationRepository repo = new OrganizationRepository();
  private final OrgAuth auth;
  private final Passwords passwords;
  private final Duration refreshTtl;
  private final Clock clock;
  private final String dummyHash;

  public OrganizationHandlers(
      Db db, OrgAuth auth, Passwords passwords, Duration refreshTtl, Clock clock) {
    this.db = db;
    this.auth = auth;
    this.passwords = passwords;
    this.refreshTtl = refreshTtl;
    this.clock = clock;
    this.dummyHash = passwords.hash("not-anybody's-password");
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** POST: a new organization with its first user. */
  public void register(RoutingContext ctx) {
    JsonBody body = JsonBody.of(ctx, REGISTER_FIELDS);
    String username = body.string("username", 3, 64);
    String password = body.string("password", 8, 200);
    String name = body.string("name", 1, 64);
    if (!username.matches(NAME_PATTERN) || !name.matches(NAME_PATTERN)) {
      throw new ApiException(
          ErrorCode.VALIDATION_FAILED,
          "username and name use letters, digits, '.', '_' and '-', starting with a letter or digit");
    }
    String publicName = body.has("public_name") ? body.string("public_name", 1, 200) : name;
    String description = body.has("description") ? body.optString("description", 4000) : "";
    db.blocking(() -> passwords.hash(password))
        .compose(
            hash ->
                db.tx(
                    tx -> {
                      try {
                        return repo.register(
                            tx, name, publicName, description, username, hash, Secrets.newToken());
                      } catch (RuntimeException e) {
                        if (SqlErrors.isUniqueViolation(e, "org_user_username")) {
                          throw new ApiException(
                              ErrorCode.USERNAME_ALREADY_EXISTS, "username is taken: " + username);
                        }
                        if (SqlErrors.isUniqueViolation(e, "organization_name")) {
                          throw new ApiException(
                              ErrorCode.ORGANIZATION_NAME_TAKEN,
                              "organization name is taken: " + name);
                        }
                        throw e;
                      }
                    }))
        .onSuccess(
            ids ->
                Replies.created(
                    ctx,
                    new JsonObject()
                        .put("organization_id", ids[0])
                        .put("user_id", ids[1])
                        .put("name", name)))
        .onFailure(ctx::fail);
  }

  /** POST: username and password → access and refresh tokens. */
  public void login(RoutingContext ctx) {
    JsonBody body = JsonBody.of(ctx, LOGIN_FIELDS);
    String username = body.string("username", 1, 64);
    String password = body.string("password", 1, 200);
    db.tx(tx -> repo.findUser(tx, username))
        .compose(
            user ->
                db.blocking(
                    () -> {
                      // hash even for unknown users, so timing does not reveal which exist
                      String hash =
                          user.map(OrganizationRepository.UserRow::passwordHash).orElse(dummyHash);
                      boolean ok = passwords.verify(password, hash);
                      if (user.isEmpty() || !ok || user.get().disabled()) {
                        throw new ApiException(
                            ErrorCode.WRONG_CREDENTIALS, "wrong username or password");
                      }
                      return user.get();
                    }))
        .compose(user -> issueTokens(user.userId(), user.organizationId()))
        .onSuccess(tokens -> Replies.ok(ctx, tokens))
        .onFailure(ctx::fail);
  }

  /** POST: a refresh token → a new access token and a new refresh token (the old one dies). */
  public void refresh(RoutingContext ctx) {
    String token = JsonBody.of(ctx, TOKEN_FIELDS).string("refresh_token", 1, 200);
    UUID successor = UUID.randomUUID();
    String secret = Secrets.newToken();
    db.tx(
            tx -> {
              var owner = repo.consumeRefreshToken(tx, Secrets.sha256Hex(token), successor, now());
              if (owner.isEmpty()) {
                // not an exception: a replay's revocation of the whole family must commit
                return null;
              }
              repo.insertRefreshToken(
                  tx,
                  successor,
                  owner.get().userId(),
                  Secrets.sha256Hex(secret),
                  now().plus(refreshTtl));
              return tokens(owner.get().userId(), owner.get().organizationId(), successor, secret);
            })
        .onSuccess(
            tokens -> {
              if (tokens == null) {
                ctx.fail(
                    new ApiException(
                        ErrorCode.REFRESH_TOKEN_NOT_FOUND,
                        "the refresh token is unknown, expired or already used"));
                return;
              }
              Replies.ok(ctx, tokens);
            })
        .onFailure(ctx::fail);
  }

  /** POST: log out by revoking the refresh token given in the body. */
  public void logout(RoutingContext ctx) {
    String token = JsonBody.of(ctx, TOKEN_FIELDS).string("refresh_token", 1, 200);
    db.tx(tx -> repo.revokeByHash(tx, Secrets.sha256Hex(token), now()))
        .onSuccess(
            revoked -> {
              if (!revoked) {
                ctx.fail(
                    new ApiException(
                        ErrorCode.REFRESH_TOKEN_NOT_FOUND, "no such live refresh token"));
                return;
              }
              Replies.ok(ctx, new JsonObject().put("revoked", true));
            })
        .onFailure(ctx::fail);
  }

  /** DELETE (authenticated): revoke one of the caller's refresh tokens by id. */
  public void revokeById(RoutingContext ctx) {
    UUID id;
    try {
      id = UUID.fromString(ctx.pathParam("token_id"));
    } catch (IllegalArgumentException e) {
      throw new ApiException(ErrorCode.REFRESH_TOKEN_NOT_FOUND, "no such refresh token");
    }
    long userId = ctx.<Long>get(OrgAuth.USER_ID);
    db.tx(tx -> repo.revokeById(tx, id, userId, now()))
        .onSuccess(
            revoked -> {
              if (!revoked) {
                ctx.fail(
                    new ApiException(ErrorCode.REFRESH_TOKEN_NOT_FOUND, "no such refresh token"));
                return;
              }
              Replies.ok(ctx, new JsonObject().put("revoked", true));
            })
        .onFailure(ctx::fail);
  }

  /** GET: organizations, paginated, optionally by name prefix. */
  public void list(RoutingContext ctx) {
    Paging paging = Paging.of(ctx);
    String prefix = Params.queryString(ctx, "name_filter", 64);
    db.tx(tx -> repo.list(tx, prefix, paging))
        .onSuccess(
            r -> Replies.ok(ctx, Replies.page(r.getJsonArray("items"), r.getLong("total"), paging)))
        .onFailure(ctx::fail);
  }

  private io.vertx.core.Future<JsonObject> issueTokens(long userId, long orgId) {
    UUID id = UUID.randomUUID();
    String secret = Secrets.newToken();
    return db.tx(
        tx -> {
          repo.insertRefreshToken(
              tx, id, userId, Secrets.sha256Hex(secret), now().plus(refreshTtl));
          return tokens(userId, orgId, id, secret);
        });
  }

  private JsonObject tokens(long userId, long orgId, UUID refreshId, String refreshSecret) {
    OffsetDateTime now = now();
    return new JsonObject()
        .put("access_token", auth.issue(userId, orgId))
        .put("access_token_expires_at", now.plus(auth.accessTtl()).toString())
        .put("refresh_token", refreshSecret)
        .put("refresh_token_id", refreshId.toString())
        .put("refresh_token_expires_at", now.plus(refreshTtl).toString())
        .put("organization_id", orgId)
        .put("user_id", userId);
  }
}
