package io.cairn.server.auth;

import io.cairn.server.http.ApiException;
import io.cairn.server.http.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * Access tokens of organization users: HS256 JWTs carrying the user id ({@code sub}) and the
 * organization id ({@code org}). {@link #handler} guards a route: a missing token answers 401
 * {@code MISSING_TOKEN}, a forged, expired or malformed one 403 {@code INVALID_TOKEN}.
 */
public final class OrgAuth {
  /** The routing-context key of the caller's organization id. */
  public static final String ORG_ID = "cairn.org_id";

  /** The routing-context key of the caller's user id. */
  public static final String USER_ID = "cairn.user_id";

  private final JWTAuth jwt;
  private final Duration accessTtl;
  private final RateLimiter limiter;

  public OrgAuth(Vertx vertx, String secret, Duration accessTtl, RateLimiter limiter) {
    this.jwt =
        JWTAuth.create(
            vertx,
            new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
    this.accessTtl = accessTtl;
    this.limiter = limiter;
  }

  /** A signed access token for the user. */
  public String issue(long userId, long organizationId) {
    return jwt.generateToken(
        new JsonObject()
            .put("sub", Long.toString(userId))
            .put("org", organizationId)
            .put("typ", "access"),
        new JWTOptions().setAlgorithm("HS256").setExpiresInSeconds((int) accessTtl.toSeconds()));
  }

  public Duration accessTtl() {
    return accessTtl;
  }

  /** Authenticates the request, then passes it on with {@link #ORG_ID} and {@link #USER_ID}. */
  public Handler<RoutingContext> handler() {
    return ctx -> {
      String header = ctx.request().getHeader("Authorization");
      if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        ctx.fail(new ApiException(ErrorCode.MISSING_TOKEN, "send 'Authorization: Bearer <token>'"));
        return;
      }
      String token = header.substring(7).trim();
      jwt.authenticate(new TokenCredentials(token))
          .onSuccess(
              user -> {
                JsonObject p = user.principal();
                Object org = p.getValue("org");
                Object sub = p.getValue("sub");
                if (!"access".equals(p.getString("typ"))
                    || !(org instanceof Number)
                    || !(sub instanceof String)) {
                  ctx.fail(new ApiException(ErrorCode.INVALID_TOKEN, "not an access token"));
                  return;
                }
                long userId;
                try {
                  userId = Long.parseLong((String) sub);
                } catch (NumberFormatException e) {
                  ctx.fail(new ApiException(ErrorCode.INVALID_TOKEN, "not an access token"));
                  return;
                }
                if (!limiter.tryAcquire("user:" + userId)) {
                  ctx.fail(new ApiException(ErrorCode.RATE_LIMITED, "too many requests"));
                  return;
                }
                ctx.put(ORG_ID, ((Number) org).longValue());
                ctx.put(USER_ID, userId);
                ctx.next();
              })
          .onFailure(
              e ->
                  ctx.fail(
                      new ApiException(
                          ErrorCode.INVALID_TOKEN, "the access token is invalid or expired")));
    };
  }

  /** The caller's organization id (after {@link #handler}). */
  public static long orgId(RoutingContext ctx) {
    return ctx.<Long>get(ORG_ID);
  }
}
