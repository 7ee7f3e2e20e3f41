package io.cairn.server;

import static io.cairn.schema.jooq.Tables.HOST;
import static io.cairn.schema.jooq.Tables.INPUT_GROUP;
import static io.cairn.schema.jooq.Tables.LEASE;
import static io.cairn.schema.jooq.Tables.STATE_CHANGE;
import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many hosts ask for work at once through two HTTP verticles while the embedded feeder refills a
 * small segment: every input group is leased exactly once, moved once with its audit row, and
 * counted once in its host's daily jobs.
 */
@ExtendWith(VertxExtension.class)
class SchedulerConcurrencyTest {
  private static final int GROUPS = 400;
  private static final int HOSTS = 40;

  @Test
  void noGroupIsLeasedTwice(Vertx vertx) throws Exception {
    try (TestServer server =
        TestServer.start(
            "sched_concurrency",
            b -> {
              b.httpInstances = 2;
              b.segmentSlots = 32;
              b.feederInterval = java.time.Duration.ofMillis(10);
            })) {
      Api api = new Api(vertx, server.port());
      Donors donors = new Donors(api);
      String org = api.registerAndLogin("crowd").getString("access_token");
      long programId = api.uploadProgram(org, "p", Programs.minimal()).getLong("id");
      StringBuilder csv = new StringBuilder();
      for (int i = 0; i < GROUPS; i++) {
        csv.append(i).append('\n');
      }
      assertEquals(
          201,
          api.postRaw(
                  "/api/v1/programs/" + programId + "/input-groups",
                  org,
                  "text/csv",
                  csv.toString())
              .status());
      String account = donors.createAccount("many@example.org");
      List<Donors.Host> hosts = new ArrayList<>();
      for (int i = 0; i < HOSTS; i++) {
        hosts.add(donors.createHost(account, 1000));
      }
      Set<String> seenGroups = new HashSet<>();
      int leased = 0;
      long deadline = System.currentTimeMillis() + 60_000;
      while (leased < GROUPS && System.currentTimeMillis() < deadline) {
        List<Future<JsonObject>> round = new ArrayList<>();
        for (Donors.Host h : hosts) {
          JsonObject body =
              new JsonObject()
                  .put("protocol", 1)
                  .put("work_request", new JsonObject().put("seconds", 60).put("max_jobs", 3));
          round.add(
              donors
                  .request(io.vertx.core.http.HttpMethod.POST, "/api/v1/scheduler", h)
                  .sendJsonObject(body)
                  .map(r -> r.bodyAsJsonObject()));
        }
        for (Future<JsonObject> f : round) {
          JsonObject reply = f.await();
          assertEquals("success", reply.getString("status"), reply.encode());
          for (Object o : reply.getJsonObject("data").getJsonArray("leases")) {
            String group = ((JsonObject) o).getValue("input_group_id").toString();
            assertTrue(seenGroups.add(group), "group " + group + " handed out twice");
            leased++;
          }
        }
      }
      assertEquals(GROUPS, leased);
      var dsl = server.database.dsl();
      assertEquals(GROUPS, dsl.fetchCount(LEASE));
      assertEquals(
          GROUPS,
          dsl.select(DSL.countDistinct(LEASE.INPUT_GROUP_ID))
              .from(LEASE)
              .fetchOne(0, Integer.class));
      // each claim moved its group once, with one audit row, and set the lease's deadline
      assertEquals(
          GROUPS,
          dsl.fetchCount(
              LEASE.join(INPUT_GROUP).on(INPUT_GROUP.ID.eq(LEASE.INPUT_GROUP_ID)),
              INPUT_GROUP
                  .STATE
                  .eq("LEASED")
                  .and(INPUT_GROUP.ATTEMPTS.eq(1))
                  .and(INPUT_GROUP.NEXT_TRANSITION_AT.eq(LEASE.DEADLINE))
                  .and(LEASE.DEADLINE.gt(LEASE.ISSUED_AT))));
      assertEquals(
          GROUPS,
          dsl.fetchCount(
              STATE_CHANGE,
              STATE_CHANGE.ENTITY.eq("INPUT_GROUP").and(STATE_CHANGE.EVENT.eq("LEASE"))));
      assertEquals(
          GROUPS, dsl.select(DSL.sum(HOST.JOBS_TODAY)).from(HOST).fetchOne(0, Integer.class));
    }
  }
}
