package io.cairn.server.http;

import io.vertx.ext.web.RoutingContext;

/** Path and query parameters, parsed strictly: a malformed number is a 422, never a 500. */
public final class Params {
  private Params() {}

  /** A positive id from the path; a malformed one answers {@code notFound} (it cannot exist). */
  public static long pathId(RoutingContext ctx, String name, ErrorCode notFound) {
    String raw = ctx.pathParam(name);
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException | NullPointerException e) {
      // fall through
    }
    throw new ApiException(notFound, "no such " + name.replace('_', ' ') + ": " + raw);
  }

  public static int queryInt(RoutingContext ctx, String name, int defaultValue) {
    String raw = ctx.request().getParam(name);
    if (raw == null || raw.isEmpty()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, name + " must be an integer");
    }
  }

  public static long queryLong(RoutingContext ctx, String name, long defaultValue) {
    String raw = ctx.request().getParam(name);
    if (raw == null || raw.isEmpty()) {
      return defaultValue;
    }
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, name + " must be an integer");
    }
  }

  public static String queryString(RoutingContext ctx, String name, int maxLength) {
    String raw = ctx.request().getParam(name);
    if (raw != null && raw.length() > maxLength) {
      throw new ApiException(
          ErrorCode.VALIDATION_FAILED, name + " is longer than " + maxLength + " characters");
    }
    return raw == null || raw.isEmpty() ? null : raw;
  }
}
