package io.cairn.server.auth;

import io.cairn.server.Db;
import io.cairn.server.donor.DonorRepository;
import io.cairn.server.http.ApiException;
import io.cairn.server.http.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authentication of donors (docs/donor-protocol.md): an account by its bearer account key, a host
 * by its bearer host key plus {@code X-Cairn-Host}. Only SHA-256 hashes are compared. A wrong or
 * missing key answers 401 {@code INVALID_CREDENTIALS}, never saying whether the id exists. Verified
 * host keys are remembered (a host key never changes), so the scheduler's hot path does not read
 * the database to authenticate.
 */
public final class DonorAuth {
  /** Routing-context key of the authenticated donor account id. */
  public static final String ACCOUNT_ID = "cairn.donor_account_id";

  /** Routing-context key of the authenticated host id. */
  public static final String HOST_ID = "cairn.host_id";

  /** Routing-context key of the SHA-256 of the host key. */
  public static final String HOST_KEY_HASH = "cairn.host_key_hash";

  private final Db db;
  private final DonorRepository repo = new DonorRepository();
  private final RateLimiter accountLimiter;
  private final RateLimiter hostLimiter;
  private final ConcurrentHashMap<Long, String> verifiedHosts = new ConcurrentHashMap<>();

  public DonorAuth(Db db, RateLimiter accountLimiter, RateLimiter hostLimiter) {
    this.db = db;
    this.accountLimiter = accountLimiter;
    this.hostLimiter = hostLimiter;
  }

  private static String bearer(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String key = header.substring(7).trim();
    return key.isEmpty() || key.length() > 200 ? null : key;
  }

  private static ApiException invalid() {
    return new ApiException(ErrorCode.INVALID_CREDENTIALS, "wrong or missing key");
  }

  /** Guards a route with the account key. */
  public Handler<RoutingContext> account() {
    return ctx -> {
      String key = bearer(ctx);
      if (key == null) {
        ctx.fail(invalid());
        return;
      }
      String hash = Secrets.sha256Hex(key);
      db.tx(tx -> repo.accountByKeyHash(tx, hash))
          .onSuccess(
              id -> {
                if (id.isEmpty()) {
                  ctx.fail(invalid());
                } else if (!accountLimiter.tryAcquire("donor:" + id.get())) {
                  ctx.fail(new ApiException(ErrorCode.RATE_LIMITED, "too many requests"));
                } else {
                  ctx.put(ACCOUNT_ID, id.get());
                  ctx.next();
                }
              })
          .onFailure(ctx::fail);
    };
  }

  /** Guards a route with the host key and {@code X-Cairn-Host}. */
  public Handler<RoutingContext> host() {
    return ctx -> {
      String key = bearer(ctx);
      long hostId;
      try {
        hostId = Long.parseLong(String.valueOf(ctx.request().getHeader("X-Cairn-Host")).trim());
      } catch (NumberFormatException e) {
        hostId = -1;
      }
      if (key == null || hostId <= 0) {
        ctx.fail(invalid());
        return;
      }
      String hash = Secrets.sha256Hex(key);
      long id = hostId;
      if (Secrets.sameDigest(verifiedHosts.get(id), hash)) {
        pass(ctx, id, hash);
        return;
      }
      // hold a streamed body (uploads) until the handler is ready for it; only an unread body can
      // be paused (over HTTP/2, pausing a request whose body was read already throws)
      if (!ctx.request().isEnded()) {
        ctx.request().pause();
      }
      db.tx(tx -> repo.hostKeyMatches(tx, id, hash))
          .onComplete(
              ar -> {
                if (ar.failed()) {
                  ctx.fail(ar.cause());
                } else if (!ar.result()) {
                  ctx.fail(invalid());
                } else {
                  verifiedHosts.put(id, hash);
                  pass(ctx, id, hash);
                }
              });
    };
  }

  private void pass(RoutingContext ctx, long hostId, String hash) {
    if (!hostLimiter.tryAcquire("host:" + hostId)) {
      ctx.fail(new ApiException(ErrorCode.RATE_LIMITED, "too many requests from this host"));
      return;
    }
    ctx.put(HOST_ID, hostId);
    ctx.put(HOST_KEY_HASH, hash);
    ctx.next();
  }

  public static long hostId(RoutingContext ctx) {
    return ctx.<Long>get(HOST_ID);
  }
}
