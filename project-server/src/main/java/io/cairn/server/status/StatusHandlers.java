package io.cairn.server.status;

import io.cairn.server.Services;
import io.cairn.server.http.Replies;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The public status page in the spirit of BOINC's server status (HTML, no login), the same data as
 * JSON, Prometheus metrics, health, and the OpenAPI description.
 */
public final class StatusHandlers {
  private final Services services;
  private final StatusRepository repo = new StatusRepository();
  private final Buffer openApi;

  public StatusHandlers(Services services) {
    this.services = services;
    try (InputStream in = StatusHandlers.class.getResourceAsStream("/openapi.json")) {
      this.openApi = Buffer.buffer(in.readAllBytes());
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("openapi.json is missing from the classpath", e);
    }
  }

  private io.vertx.core.Future<JsonObject> snapshot() {
    OffsetDateTime now = OffsetDateTime.ofInstant(services.clock().instant(), ZoneOffset.UTC);
    return services
        .db()
        .tx(tx -> repo.snapshot(tx, now))
        .map(
            s ->
                s.put(
                    "feeder",
                    new JsonObject()
                        .put("segment_slots", services.segment().slotCount())
                        .put("segment_present", services.segment().presentCount())
                        .put("instance", services.segment().header().instanceId())
                        .put(
                            "last_refresh", services.segment().header().lastRefresh().toString())));
  }

  public void health(RoutingContext ctx) {
    services
        .db()
        .tx(tx -> tx.selectOne().fetchOne())
        .onSuccess(r -> Replies.ok(ctx, new JsonObject().put("database", "up")))
        .onFailure(ctx::fail);
  }

  public void json(RoutingContext ctx) {
    snapshot().onSuccess(s -> Replies.ok(ctx, s)).onFailure(ctx::fail);
  }

  public void page(RoutingContext ctx) {
    snapshot()
        .onSuccess(
            s ->
                ctx.response()
                    .putHeader("Content-Type", "text/html; charset=utf-8")
                    .end(StatusPage.render(s)))
        .onFailure(ctx::fail);
  }

  public void metrics(RoutingContext ctx) {
    snapshot()
        .onSuccess(
            s ->
                ctx.response()
                    .putHeader("Content-Type", "text/plain; version=0.0.4")
                    .end(StatusPage.prometheus(s, services.metrics())))
        .onFailure(ctx::fail);
  }

  public void openApi(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json").end(openApi);
  }
}
