package io.cairn.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Keeps openapi.json true: every route of the router is described, and nothing else is. */
@ExtendWith(VertxExtension.class)
class OpenApiTest {
  @Test
  void everyRouteIsDescribedAndEveryDescribedPathIsRouted(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.start("openapi")) {
      Api api = new Api(vertx, server.port());
      var reply = api.get("/openapi.json", null);
      assertEquals(200, reply.status());
      JsonObject paths = reply.json().getJsonObject("paths");
      Set<String> described = new TreeSet<>();
      for (String path : paths.fieldNames()) {
        for (String method : paths.getJsonObject(path).fieldNames()) {
          described.add(method.toUpperCase() + " " + path);
        }
      }
      Set<String> routed = new TreeSet<>(server.server.routes());
      assertEquals(routed, described);
    }
  }
}
