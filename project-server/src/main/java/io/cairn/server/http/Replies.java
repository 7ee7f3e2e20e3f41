package io.cairn.server.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes the success envelope {@code {"status":"success","data":…}}. */
public final class Replies {
  private Replies() {}

  public static void ok(RoutingContext ctx, Object data) {
    send(ctx, 200, data);
  }

  public static void created(RoutingContext ctx, Object data) {
    send(ctx, 201, data);
  }

  /** Sends {@code data} (a JsonObject, JsonArray or null) with {@code status}. */
  public static void send(RoutingContext ctx, int status, Object data) {
    if (data != null && !(data instanceof JsonObject) && !(data instanceof JsonArray)) {
      throw new IllegalArgumentException("data must be JSON, was " + data.getClass());
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("status", "success").put("data", data).encode());
  }

  /** A page of a list: the items plus the paging numbers of the original API. */
  public static JsonObject page(JsonArray items, long total, Paging paging) {
    return new JsonObject()
        .put("items", items)
        .put("total_elements_amount", total)
        .put("page", paging.page())
        .put("limit", paging.limit());
  }
}
