package io.cairn.server.http;

import io.vertx.ext.web.RoutingContext;

/**
 * {@code limit} (1–50, default 20) and {@code page} (from 1) of a list request.
 *
 * @param limit items per page
 * @param page the page number, from 1
 */
public record Paging(int limit, int page) {
  public static final int MAX_LIMIT = 50;

  public long offset() {
    return (long) (page - 1) * limit;
  }

  /** Reads the query parameters; answers 422 {@code VALIDATION_FAILED} when out of range. */
  public static Paging of(RoutingContext ctx) {
    int limit = Params.queryInt(ctx, "limit", 20);
    int page = Params.queryInt(ctx, "page", 1);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "limit must be between 1 and 50");
    }
    if (page < 1) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "page starts at 1");
    }
    return new Paging(limit, page);
  }
}
