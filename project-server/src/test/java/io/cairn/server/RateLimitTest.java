package io.cairn.server;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Token buckets per host, per account and per address answer 429 RATE_LIMITED. */
@ExtendWith(VertxExtension.class)
class RateLimitTest {
  @Test
  void hostsAccountsAndAddressesAreLimited(Vertx vertx) throws Exception {
    try (TestServer server =
        TestServer.start(
            "rate_limits",
            b -> {
              b.hostRatePerSecond = 0.01;
              b.accountRatePerSecond = 0.01;
              b.anonymousRatePerSecond = 0.01;
              b.rateBurst = 6;
            })) {
      Api api = new Api(vertx, server.port());
      Donors donors = new Donors(api);
      String account = donors.createAccount("rate@example.org"); // 1 anonymous token
      Donors.Host host = donors.createHost(account, 1); // 1 account token
      for (int i = 0; i < 6; i++) {
        assertEquals(200, donors.schedule(host, 0, null).status());
      }
      var limited = donors.schedule(host, 0, null);
      assertEquals(429, limited.status());
      assertEquals("RATE_LIMITED", limited.errorCode());
      assertNotNull(limited.headers().get("Retry-After"));
      // another host is not affected
      Donors.Host other = donors.createHost(account, 1);
      assertEquals(200, donors.schedule(other, 0, null).status());
      for (int i = 0; i < 4; i++) {
        donors.createHost(account, 1);
      }
      var accountLimited =
          api.post("/api/v1/donor/hosts", account, new JsonObject().put("cores", 1));
      assertEquals("RATE_LIMITED", accountLimited.errorCode());
      int refused = 0;
      for (int i = 0; i < 8; i++) {
        if (api.get("/api/v1/organizations", null).status() == 429) {
          refused++;
        }
      }
      assertTrue(refused >= 3, "anonymous requests from one address are limited");
    }
  }
}
