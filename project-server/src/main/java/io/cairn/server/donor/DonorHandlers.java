package io.cairn.server.donor;

import io.cairn.server.Db;
import io.cairn.server.SqlErrors;
import io.cairn.server.auth.DonorAuth;
import io.cairn.server.auth.Passwords;
import io.cairn.server.auth.Secrets;
import io.cairn.server.auth.ServerKey;
import io.cairn.server.http.ApiException;
import io.cairn.server.http.ErrorCode;
import io.cairn.server.http.JsonBody;
import io.cairn.server.http.Replies;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Set;

/** Donor accounts and hosts (docs/donor-protocol.md), and the server's public key. */
public final class DonorHandlers {
  private static final Set<String> ACCOUNT_FIELDS = Set.of("email", "password", "display_name");
  private static final Set<String> LOOKUP_FIELDS = Set.of("email", "password");
  private static final Set<String> HOST_FIELDS =
      Set.of("name", "platform", "cores", "memory_bytes", "client_version");

  private final Db db;
  private final Passwords passwords;
  private final ServerKey serverKey;
  private final DonorRepository repo = new DonorRepository();
  private final String dummyHash;

  public DonorHandlers(Db db, Passwords passwords, ServerKey serverKey) {
    this.db = db;
    this.passwords = passwords;
    this.serverKey = serverKey;
    this.dummyHash = passwords.hash("not-anybody's-password");
  }

  /** GET: the Ed25519 public key that signs programs. */
  public void serverKey(RoutingContext ctx) {
    Replies.ok(
        ctx,
        new JsonObject()
            .put("algorithm", "Ed25519")
            .put("public_key", serverKey.publicKeyBase64()));
  }

  /** POST: a new donor account and its first account key (shown once). */
  public void createAccount(RoutingContext ctx) {
    JsonBody body = JsonBody.of(ctx, ACCOUNT_FIELDS);
    String email = email(body);
    String password = body.string("password", 8, 200);
    String displayName = body.string("display_name", 1, 100);
    String key = Secrets.newToken();
    db.blocking(() -> passwords.hash(password))
        .compose(
            hash ->
                db.tx(
                    tx -> {
                      try {
                        return repo.createAccount(
                            tx, email, displayName, hash, Secrets.sha256Hex(key));
                      } catch (RuntimeException e) {
                        if (SqlErrors.isUniqueViolation(e, "email")) {
                          throw new ApiException(
                              ErrorCode.EMAIL_ALREADY_EXISTS, "an account with this email exists");
                        }
                        throw e;
                      }
                    }))
        .onSuccess(
            id ->
                Replies.created(
                    ctx, new JsonObject().put("account_id", id).put("account_key", key)))
        .onFailure(ctx::fail);
  }

  /** POST: email and password → a new key for the existing account (old keys stay valid). */
  public void lookup(RoutingContext ctx) {
    JsonBody body = JsonBody.of(ctx, LOOKUP_FIELDS);
    String email = email(body);
    String password = body.string("password", 1, 200);
    String key = Secrets.newToken();
    db.tx(tx -> repo.findByEmail(tx, email))
        .compose(
            account ->
                db.blocking(
                    () -> {
                      boolean ok =
                          passwords.verify(
                              password,
                              account
                                  .map(DonorRepository.AccountRow::passwordHash)
                                  .orElse(dummyHash));
                      if (account.isEmpty() || !ok) {
                        throw new ApiException(
                            ErrorCode.WRONG_CREDENTIALS, "wrong email or password");
                      }
                      return account.get().id();
                    }))
        .compose(
            id ->
                db.tx(
                    tx -> {
                      repo.addKey(tx, id, Secrets.sha256Hex(key));
                      return id;
                    }))
        .onSuccess(
            id -> Replies.ok(ctx, new JsonObject().put("account_id", id).put("account_key", key)))
        .onFailure(ctx::fail);
  }

  /** POST (account): attach a new host; its key is shown once. */
  public void createHost(RoutingContext ctx) {
    long accountId = ctx.<Long>get(DonorAuth.ACCOUNT_ID);
    JsonBody body = JsonBody.of(ctx, HOST_FIELDS);
    String name = body.string("name", 0, 100);
    String platform = body.string("platform", 0, 64);
    int cores = body.intValue("cores", 1, 4096, null);
    long memory = body.longValue("memory_bytes", 0, Long.MAX_VALUE, 0L);
    String version = body.string("client_version", 0, 32);
    String key = Secrets.newToken();
    db.tx(
            tx ->
                repo.createHost(
                    tx, accountId, Secrets.sha256Hex(key), name, platform, cores, memory, version))
        .onSuccess(
            id -> Replies.created(ctx, new JsonObject().put("host_id", id).put("host_key", key)))
        .onFailure(ctx::fail);
  }

  private static String email(JsonBody body) {
    String email = body.string("email", 3, 254).trim().toLowerCase(Locale.ROOT);
    if (!email.matches("[^@\\s]+@[^@\\s]+")) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "email is not an address");
    }
    return email;
  }
}
