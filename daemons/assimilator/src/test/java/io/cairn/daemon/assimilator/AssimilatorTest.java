package io.cairn.daemon.assimilator;

import static io.cairn.schema.jooq.Tables.RESULT;
import static io.cairn.schema.jooq.Tables.WEBHOOK;
import static io.cairn.schema.jooq.Tables.WEBHOOK_DELIVERY;
import static io.cairn.schema.jooq.Tables.WEBHOOK_DELIVERY_ATTEMPT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.cairn.assimilator.ResultPlugin;
import io.cairn.assimilator.ResultPluginException;
import io.cairn.assimilator.ValidatedResult;
import io.cairn.daemon.DaemonContext;
import io.cairn.daemon.SettableClock;
import io.cairn.daemon.testing.WorkFixtures;
import io.cairn.schema.db.CairnDatabase;
import io.cairn.schema.state.InputGroupState;
import io.cairn.testkit.pg.TestDatabase;
import io.cairn.testkit.pg.TestPostgres;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AssimilatorTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static CairnDatabase db;
  private static DSLContext dsl;
  private static WorkFixtures fx;
  private final SettableClock clock = new SettableClock(T0);
  private HttpServer server;
  private final AtomicInteger failFirst = new AtomicInteger();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> perDelivery = new ConcurrentHashMap<>();

  @BeforeAll
  static void open() {
    TestDatabase t = TestPostgres.freshDatabase("AssimilatorTest");
    db = CairnDatabase.open(t.jdbcUrl(), t.user(), t.password(), 6, "assimilator-test");
    dsl = db.dsl();
    fx = new WorkFixtures(dsl);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** A receiver on loopback that answers 503 to the first {@code failFirst} requests. */
  private String startServer(String secret) throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          long ts = Long.parseLong(exchange.getRequestHeaders().getFirst("Cairn-Timestamp"));
          String sig = exchange.getRequestHeaders().getFirst("Cairn-Signature");
          int status;
          if (!WebhookSignature.verify(secret, ts, body, sig)) {
            status = 401;
          } else if (failFirst.getAndDecrement() > 0) {
            status = 503;
          } else {
            status = 200;
            received.add(new String(body, StandardCharsets.UTF_8));
            perDelivery.merge(
                exchange.getRequestHeaders().getFirst("Cairn-Delivery"), 1, Integer::sum);
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  private static AssimilatorSettings settings(int webhookMaxAttempts) {
    return new AssimilatorSettings(
        50,
        3,
        webhookMaxAttempts,
        Duration.ofSeconds(1),
        Duration.ofMinutes(1),
        Duration.ofMinutes(2),
        Duration.ofSeconds(5));
  }

  private Assimilator assimilator(String instance, int maxAttempts, List<ResultPlugin> plugins) {
    return new Assimilator(
        dsl, DaemonContext.of("assimilator", instance, clock), settings(maxAttempts), plugins);
  }

  private long webhook(long org, String url) {
    return dsl.insertInto(WEBHOOK)
        .set(WEBHOOK.ORGANIZATION_ID, org)
        .set(WEBHOOK.URL, url)
        .returning(WEBHOOK.ID)
        .fetchOne(WEBHOOK.ID);
  }

  private long groupOf(long result) {
    return dsl.select(RESULT.INPUT_GROUP_ID)
        .from(RESULT)
        .where(RESULT.ID.eq(result))
        .fetchOne()
        .value1();
  }

  @Test
  void signedWebhookIsRetriedWithBackoffUntilDelivered() throws Exception {
    long org = fx.organization("hook-org");
    long program = fx.program(org, "collatz", "programs/" + "ab".repeat(32), 3);
    webhook(org, startServer("secret-of-hook-org"));
    long result = fx.validatedResult(program, fx.host(), T0, 42, 7);
    failFirst.set(2);
    Assimilator a = assimilator("a", 5, List.of());

    a.runOnePass(); // plugins done, attempt 1 -> 503
    a.runOnePass(); // not due yet (back-off 1 s)
    assertEquals(1, dsl.fetchCount(WEBHOOK_DELIVERY_ATTEMPT));
    clock.advance(Duration.ofSeconds(1));
    a.runOnePass(); // attempt 2 -> 503, back-off 2 s
    clock.advance(Duration.ofSeconds(2));
    a.runOnePass(); // attempt 3 -> 200, then finished
    a.runOnePass();

    assertEquals(1, received.size());
    String body = received.get(0);
    assertTrue(body.contains("\"output\":[\"0x2a\",\"0x7\"]"), body);
    assertTrue(body.contains("\"program\":\"collatz\""), body);
    var delivery = dsl.selectFrom(WEBHOOK_DELIVERY).fetchOne();
    assertEquals("DELIVERED", delivery.getState());
    assertEquals(3, delivery.getAttempts());
    assertEquals(200, delivery.getLastStatus());
    assertEquals(3, dsl.fetchCount(WEBHOOK_DELIVERY_ATTEMPT));
    assertNotNull(
        dsl.select(RESULT.ASSIMILATED_AT)
            .from(RESULT)
            .where(RESULT.ID.eq(result))
            .fetchOne()
            .value1());
    assertEquals(InputGroupState.ASSIMILATED, fx.groupState(groupOf(result)));
  }

  @Test
  void aDeliveryIsDeadAfterTheLastAttemptAndTheResultStillFinishes() throws Exception {
    long org = fx.organization("dead-org");
    long program = fx.program(org, "p", "programs/" + "ab".repeat(32), 3);
    webhook(org, startServer("secret-of-dead-org"));
    long result = fx.validatedResult(program, fx.host(), T0, 1);
    failFirst.set(1000);
    Assimilator a = assimilator("a", 3, List.of());
    for (int i = 0; i < 6; i++) {
      a.runOnePass();
      clock.advance(Duration.ofSeconds(10));
    }
    var delivery =
        dsl.selectFrom(WEBHOOK_DELIVERY).where(WEBHOOK_DELIVERY.RESULT_ID.eq(result)).fetchOne();
    assertEquals("DEAD", delivery.getState());
    assertEquals(3, delivery.getAttempts());
    assertEquals(503, delivery.getLastStatus());
    assertEquals(1, fx.auditCount("DELIVERY", "GIVE_UP"));
    assertEquals(InputGroupState.ASSIMILATED, fx.groupState(groupOf(result)));
  }

  @Test
  void pluginsAreCalledAtLeastOnceAndRetriedAfterAFailure() {
    long org = fx.organization("plugin-org");
    long program = fx.program(org, "p", "programs/" + "ab".repeat(32), 3);
    long result = fx.validatedResult(program, fx.host(), T0, 99);
    List<ValidatedResult> seen = new ArrayList<>();
    AtomicInteger failures = new AtomicInteger(1);
    ResultPlugin plugin =
        new ResultPlugin() {
          @Override
          public boolean handles(String organization) {
            return organization.equals("plugin-org");
          }

          @Override
          public void accept(ValidatedResult r) throws ResultPluginException {
            if (failures.getAndDecrement() > 0) {
              throw new ResultPluginException("store unavailable");
            }
            seen.add(r);
          }
        };
    Assimilator a = assimilator("a", 3, List.of(plugin));
    a.runOnePass();
    var row = dsl.selectFrom(RESULT).where(RESULT.ID.eq(result)).fetchOne();
    assertNull(row.getPluginsDoneAt());
    assertTrue(row.getPluginLastError().contains("store unavailable"));
    clock.advance(Duration.ofSeconds(1));
    a.runOnePass();
    assertEquals(1, seen.size());
    assertEquals(List.of(BigInteger.valueOf(99)), seen.get(0).output());
    assertEquals(InputGroupState.ASSIMILATED, fx.groupState(groupOf(result)));
  }

  @Test
  void twoInstancesDeliverAndAssimilateEachResultOnce() throws Exception {
    long org = fx.organization("two-org");
    long program = fx.program(org, "p", "programs/" + "ab".repeat(32), 3);
    webhook(org, startServer("secret-of-two-org"));
    long host = fx.host();
    int n = 10_000; // the "two instances of each daemon over 10,000 items"
    for (int i = 0; i < n; i++) {
      fx.validatedResult(program, host, T0, i);
    }
    Assimilator a = assimilator("a", 3, List.of());
    Assimilator b = assimilator("b", 3, List.of());
    int before = fx.auditCount("INPUT_GROUP", "ASSIMILATE"); // other tests share this database
    long t0 = System.nanoTime();
    Thread ta = new Thread(() -> drain(a, org));
    Thread tb = new Thread(() -> drain(b, org));
    ta.start();
    tb.start();
    ta.join();
    tb.join();
    System.out.printf(
        "two assimilators: %d results in %d ms%n", n, (System.nanoTime() - t0) / 1_000_000);
    assertEquals(n, perDelivery.size());
    assertEquals(
        n, fx.auditCount("INPUT_GROUP", "ASSIMILATE") - before, "every result assimilated");
    assertTrue(perDelivery.values().stream().allMatch(c -> c == 1), perDelivery.toString());
    assertEquals(1, fx.maxAuditPerRow("INPUT_GROUP", "ASSIMILATE"));
    assertEquals(
        0,
        dsl.fetchCount(RESULT, RESULT.ASSIMILATED_AT.isNull().and(RESULT.ORGANIZATION_ID.eq(org))));
  }

  /** Passes until the organization has no unassimilated result (bounded by time). */
  private void drain(Assimilator assimilator, long org) {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (dsl.fetchCount(
                RESULT, RESULT.ASSIMILATED_AT.isNull().and(RESULT.ORGANIZATION_ID.eq(org)))
            > 0
        && System.nanoTime() < deadline) {
      assimilator.runOnePass();
    }
  }
}
