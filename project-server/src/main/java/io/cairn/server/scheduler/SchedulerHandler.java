package io.cairn.server.scheduler;

import io.cairn.server.Services;
import io.cairn.server.auth.DonorAuth;
import io.cairn.server.http.JsonBody;
import io.cairn.server.http.Replies;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/** {@code POST /api/v1/scheduler}: the donor's one RPC (docs/donor-protocol.md). */
public final class SchedulerHandler {
  private static final Set<String> FIELDS = Set.of("protocol", "host", "work_request", "reports");

  private final Services services;
  private final SchedulerService service;

  public SchedulerHandler(Services services) {
    this.services = services;
    this.service = new SchedulerService(services);
  }

  public void handle(RoutingContext ctx) {
    long hostId = DonorAuth.hostId(ctx);
    String keyHash = ctx.get(DonorAuth.HOST_KEY_HASH);
    SchedulerRequest req = SchedulerRequest.parse(JsonBody.of(ctx, FIELDS));
    long queued = System.nanoTime();
    services
        .db()
        .blocking(
            () -> {
              long start = System.nanoTime();
              services.metrics().schedulerQueueNanos.add(start - queued);
              try {
                return service.handle(hostId, keyHash, req);
              } finally {
                services.metrics().schedulerWorkNanos.add(System.nanoTime() - start);
              }
            })
        .onSuccess(reply -> Replies.ok(ctx, reply))
        .onFailure(ctx::fail);
  }
}
