package io.cairn.server;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;

/** Donor-side calls of docs/donor-protocol.md for tests. */
final class Donors {
  private final Api api;

  Donors(Api api) {
    this.api = api;
  }

  /** A host: id and key. */
  record Host(long id, String key) {}

  String createAccount(String email) {
    var r =
        api.post(
            "/api/v1/donor/accounts",
            null,
            new JsonObject()
                .put("email", email)
                .put("password", "donor-password")
                .put("display_name", email));
    if (r.status() != 201) {
      throw new AssertionError(r.body().toString());
    }
    return r.data().getString("account_key");
  }

  Host createHost(String accountKey, int cores) {
    var r =
        api.post(
            "/api/v1/donor/hosts",
            accountKey,
            new JsonObject()
                .put("name", "h")
                .put("platform", "linux-x86_64")
                .put("cores", cores)
                .put("memory_bytes", 1L << 30)
                .put("client_version", "0.1.0"));
    if (r.status() != 201) {
      throw new AssertionError(r.body().toString());
    }
    return new Host(r.data().getLong("host_id"), r.data().getString("host_key"));
  }

  HttpRequest<Buffer> request(HttpMethod method, String path, Host host) {
    return api.request(method, path, host.key())
        .putHeader("X-Cairn-Host", Long.toString(host.id()));
  }

  Api.Reply schedule(Host host, int maxJobs, JsonArray reports) {
    JsonObject body =
        new JsonObject()
            .put("protocol", 1)
            .put("host", new JsonObject().put("name", "h").put("steps_per_second", 1e6))
            .put(
                "work_request",
                new JsonObject().put("seconds", maxJobs > 0 ? 3600 : 0).put("max_jobs", maxJobs))
            .put("reports", reports == null ? new JsonArray() : reports);
    return Api.of(request(HttpMethod.POST, "/api/v1/scheduler", host).sendJsonObject(body).await());
  }

  Api.Reply scheduleKinds(Host host, int maxJobs, String... kinds) {
    JsonObject body =
        new JsonObject()
            .put("protocol", 1)
            .put(
                "work_request",
                new JsonObject()
                    .put("seconds", 3600)
                    .put("max_jobs", maxJobs)
                    .put("kinds", new JsonArray(java.util.List.of((Object[]) kinds))));
    return Api.of(request(HttpMethod.POST, "/api/v1/scheduler", host).sendJsonObject(body).await());
  }

  Api.Reply upload(Host host, String leaseId, String kind, byte[] bytes) {
    return api.send(
        request(HttpMethod.PUT, "/api/v1/leases/" + leaseId + "/" + kind, host)
            .putHeader("Content-Type", "application/octet-stream"),
        Buffer.buffer(bytes));
  }
}
