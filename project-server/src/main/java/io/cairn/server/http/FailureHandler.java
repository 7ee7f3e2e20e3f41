package io.cairn.server.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns a failed request into the error envelope. Typed {@link ApiException}s
 * keep their code; Vert.x's own failures (oversized body, unknown route) get theirs; anything
 * unexpected is logged and answered as 500 {@code INTERNAL_SERVER_ERROR}, never with a stack trace.
 */
public final class FailureHandler {
  private static final Logger log = LoggerFactory.getLogger(FailureHandler.class);

  private FailureHandler() {}

  /** Handles {@code ctx.failed()} requests. */
  public static void handle(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    ApiException e = classify(ctx.failure(), ctx.statusCode());
    if (e.code() == ErrorCode.INTERNAL_SERVER_ERROR) {
      log.error("{} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
    }
    send(ctx, e);
  }

  /** Writes the envelope for {@code e}. */
  public static void send(RoutingContext ctx, ApiException e) {
    JsonObject body =
        new JsonObject()
            .put("status", "error")
            .put("error_code", e.code().name())
            .put("error_message", e.getMessage());
    if (e.details() != null) {
      body.put("details", e.details());
    }
    if (e.code() == ErrorCode.RATE_LIMITED) {
      ctx.response().putHeader("Retry-After", "1");
    }
    ctx.response()
        .setStatusCode(e.code().status())
        .putHeader("Content-Type", "application/json")
        .end(body.encode());
  }

  static ApiException classify(Throwable failure, int statusCode) {
    if (failure instanceof ApiException api) {
      return api;
    }
    if (failure instanceof DecodeException) {
      return new ApiException(ErrorCode.MALFORMED_JSON, "the body is not valid JSON");
    }
    int status = failure instanceof HttpException http ? http.getStatusCode() : statusCode;
    return switch (status) {
      case 400 -> new ApiException(ErrorCode.MALFORMED_JSON, "the request could not be read");
      case 401 -> new ApiException(ErrorCode.MISSING_TOKEN, "authentication is required");
      case 403 -> new ApiException(ErrorCode.INVALID_TOKEN, "the token is not valid");
      case 404 -> new ApiException(ErrorCode.NOT_FOUND, "no such resource");
      case 405 -> new ApiException(ErrorCode.METHOD_NOT_ALLOWED, "method not allowed here");
      case 413 -> new ApiException(ErrorCode.BODY_TOO_LARGE, "the request body is too large");
      case 415 -> new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "unsupported content type");
      case 429 -> new ApiException(ErrorCode.RATE_LIMITED, "too many requests; slow down");
      default ->
          new ApiException(ErrorCode.INTERNAL_SERVER_ERROR, "the server failed; it was logged");
    };
  }
}
