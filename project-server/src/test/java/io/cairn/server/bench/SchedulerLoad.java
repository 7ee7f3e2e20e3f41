package io.cairn.server.bench;

import static io.cairn.schema.jooq.Tables.HOST;
import static io.cairn.schema.jooq.Tables.LEASE;

import io.cairn.blob.LocalDirectoryBlobStore;
import io.cairn.schema.db.CairnDatabase;
import io.cairn.server.ProjectServer;
import io.cairn.server.RunningServer;
import io.cairn.server.ServerSettings;
import io.cairn.server.auth.Passwords;
import io.cairn.testkit.pg.TestDatabase;
import io.cairn.testkit.pg.TestPostgres;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.multipart.MultipartForm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.impl.DSL;

/**
 * The scheduler load generator of docs/bench/server.md: a real server (embedded feeder, local
 * PostgreSQL from the test kit) and a Vert.x client on loopback keeping {@code concurrency}
 * scheduler RPCs in flight from {@code hosts} hosts until {@code groups} leases were handed out or
 * {@code seconds} passed. Prints leases per second, RPC latency percentiles, and checks that no
 * input group was leased twice.
 *
 * <p>Arguments (all optional): groups, hosts, concurrency, maxJobsPerRpc, seconds, httpInstances.
 */
public final class SchedulerLoad {
  private SchedulerLoad() {}

  public static void main(String[] args) throws Exception {
    int groups = arg(args, 0, 40_000);
    int hosts = arg(args, 1, 200);
    int concurrency = arg(args, 2, 32);
    int maxJobs = arg(args, 3, 4);
    int seconds = arg(args, 4, 60);
    int instances = arg(args, 5, 2);
    Path dir = Files.createTempDirectory("cairn-bench");
    TestDatabase tdb = TestPostgres.freshDatabase("bench");
    try (CairnDatabase db =
            CairnDatabase.open(tdb.jdbcUrl(), tdb.user(), tdb.password(), 24, "bench");
        LocalDirectoryBlobStore blobs = LocalDirectoryBlobStore.open(dir.resolve("blobs"))) {
      ServerSettings.Builder b = ServerSettings.builder();
      b.port = 0;
      b.httpInstances = instances;
      b.jwtSecret = "bench-secret-bench-secret-bench-secret-00";
      b.passwords = new Passwords(1024, 1);
      b.segmentFile = dir.resolve("segment");
      b.segmentSlots = 2048;
      b.feederInterval = Duration.ofMillis(20);
      b.hostRatePerSecond = 1e6;
      b.accountRatePerSecond = 1e6;
      b.anonymousRatePerSecond = 1e6;
      b.rateBurst = 1e6;
      RunningServer server = ProjectServer.start(b.build(), db, blobs, Clock.systemUTC());
      Vertx vertx = Vertx.vertx();
      try {
        WebClient client =
            WebClient.create(
                vertx,
                new WebClientOptions()
                    .setDefaultHost("127.0.0.1")
                    .setDefaultPort(server.port())
                    .setKeepAlive(true),
                new io.vertx.core.http.PoolOptions().setHttp1MaxSize(concurrency));
        List<long[]> hostKeys = setUp(client, db, groups, hosts);
        run(vertx, client, db, hostKeys, groups, concurrency, maxJobs, seconds);
        String metrics = client.get("/metrics").send().await().bodyAsString();
        metrics
            .lines()
            .filter(l -> l.startsWith("cairn_scheduler") || l.startsWith("cairn_claims"))
            .forEach(System.out::println);
      } finally {
        vertx.close().await();
        server.close();
      }
    }
    System.exit(0);
  }

  private static int arg(String[] args, int i, int dflt) {
    return args.length > i ? Integer.parseInt(args[i]) : dflt;
  }

  /** Registers an organization, a program, the groups, and the hosts; returns {id} + key. */
  private static List<long[]> setUp(WebClient c, CairnDatabase db, int groups, int hosts) {
    c.post("/api/v1/auth/register")
        .sendJsonObject(
            new JsonObject()
                .put("username", "bench")
                .put("password", "bench-password")
                .put("name", "bench"))
        .await();
    String token =
        c.post("/api/v1/auth/login")
            .sendJsonObject(
                new JsonObject().put("username", "bench").put("password", "bench-password"))
            .await()
            .bodyAsJsonObject()
            .getJsonObject("data")
            .getString("access_token");
    String program =
        "{\"prime\":\"0x800000000000011000000000000000000000000000000000000000000000001\","
            + "\"data\":[\"0x208b7fff7fff7ffe\"],\"builtins\":[],\"hints\":{},\"identifiers\":{},"
            + "\"reference_manager\":{\"references\":[]},\"main_scope\":\"__main__\"}";
    long programId =
        c.post("/api/v1/programs")
            .putHeader("Authorization", "Bearer " + token)
            .sendMultipartForm(
                MultipartForm.create()
                    .attribute("name", "bench")
                    .textFileUpload("file", "p.json", Buffer.buffer(program), "application/json"))
            .await()
            .bodyAsJsonObject()
            .getJsonObject("data")
            .getLong("id");
    for (int done = 0; done < groups; done += 10_000) {
      StringBuilder csv = new StringBuilder();
      for (int i = done; i < Math.min(groups, done + 10_000); i++) {
        csv.append(i).append(',').append(i + 1).append('\n');
      }
      int status =
          c.post("/api/v1/programs/" + programId + "/input-groups")
              .putHeader("Authorization", "Bearer " + token)
              .putHeader("Content-Type", "text/csv")
              .sendBuffer(Buffer.buffer(csv.toString()))
              .await()
              .statusCode();
      if (status != 201) {
        throw new IllegalStateException("input upload failed: " + status);
      }
    }
    String account =
        c.post("/api/v1/donor/accounts")
            .sendJsonObject(
                new JsonObject()
                    .put("email", "bench@example.org")
                    .put("password", "bench-password")
                    .put("display_name", "bench"))
            .await()
            .bodyAsJsonObject()
            .getJsonObject("data")
            .getString("account_key");
    List<long[]> out = new ArrayList<>();
    keys.clear();
    for (int i = 0; i < hosts; i++) {
      JsonObject h =
          c.post("/api/v1/donor/hosts")
              .putHeader("Authorization", "Bearer " + account)
              .sendJsonObject(
                  new JsonObject()
                      .put("name", "h" + i)
                      .put("platform", "linux")
                      .put("cores", 4096)
                      .put("client_version", "bench"))
              .await()
              .bodyAsJsonObject()
              .getJsonObject("data");
      out.add(new long[] {h.getLong("host_id")});
      keys.add(h.getString("host_key"));
    }
    db.dsl().update(HOST).set(HOST.MAX_JOBS_PER_DAY, 1_000_000).execute();
    return out;
  }

  private static final List<String> keys = new ArrayList<>();

  private static void run(
      Vertx vertx,
      WebClient c,
      CairnDatabase db,
      List<long[]> hosts,
      int groups,
      int concurrency,
      int maxJobs,
      int seconds)
      throws Exception {
    // let the feeder fill the segment before the clock starts
    Thread.sleep(500);
    AtomicInteger leased = new AtomicInteger();
    AtomicInteger rpcs = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    long[] latencies = new long[4_000_000];
    AtomicInteger latencyCount = new AtomicInteger();
    var os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long pg0 = postgresCpuTicks();
    long start = System.nanoTime();
    long stopAt = start + Duration.ofSeconds(seconds).toNanos();
    AtomicLong lastLease = new AtomicLong(start);
    JsonObject body =
        new JsonObject()
            .put("protocol", 1)
            .put("work_request", new JsonObject().put("seconds", 3600).put("max_jobs", maxJobs));
    Buffer encoded = body.toBuffer();
    List<Future<Void>> workers = new ArrayList<>();
    for (int w = 0; w < concurrency; w++) {
      Promise<Void> done = Promise.promise();
      workers.add(done.future());
      vertx.runOnContext(
          v ->
              loop(
                  c,
                  hosts,
                  encoded,
                  leased,
                  rpcs,
                  errors,
                  next,
                  latencies,
                  latencyCount,
                  groups,
                  stopAt,
                  lastLease,
                  done));
    }
    Future.all(workers).await();
    double elapsed = (lastLease.get() - start) / 1e9;
    long cpu = os.getProcessCpuTime() - cpu0;
    long pgTicks = postgresCpuTicks() - pg0;
    int n = Math.min(latencyCount.get(), latencies.length);
    long[] sorted = Arrays.copyOf(latencies, n);
    Arrays.sort(sorted);
    int leases = db.dsl().fetchCount(LEASE);
    int distinct =
        db.dsl()
            .select(DSL.countDistinct(LEASE.INPUT_GROUP_ID))
            .from(LEASE)
            .fetchOne(0, Integer.class);
    System.out.printf(
        "leases=%d (db %d, distinct groups %d) rpcs=%d errors=%d time=%.2fs rate=%.0f leases/s, %.0f rpc/s%n",
        leased.get(),
        leases,
        distinct,
        rpcs.get(),
        errors.get(),
        elapsed,
        leased.get() / elapsed,
        rpcs.get() / elapsed);
    System.out.printf(
        "rpc latency ms: p50=%.1f p90=%.1f p99=%.1f max=%.1f%n",
        pct(sorted, 0.50),
        pct(sorted, 0.90),
        pct(sorted, 0.99),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    System.out.printf(
        "cpu per lease: this JVM (server + load generator) %.0f us, PostgreSQL %.0f us;"
            + " machine load average %.1f%n",
        cpu / 1e3 / Math.max(1, leased.get()),
        pgTicks * 10_000.0 / Math.max(1, leased.get()),
        os.getSystemLoadAverage());
    System.out.println(
        leases == distinct && leases == leased.get()
            ? "no group was leased twice"
            : "DUPLICATE LEASES");
  }

  /** CPU ticks (1/100 s) of every process named postgres, from /proc. */
  private static long postgresCpuTicks() {
    long total = 0;
    java.io.File[] procs = new java.io.File("/proc").listFiles();
    if (procs == null) {
      return 0;
    }
    for (java.io.File p : procs) {
      if (!p.getName().chars().allMatch(Character::isDigit)) {
        continue;
      }
      try {
        String stat = Files.readString(p.toPath().resolve("stat"));
        int close = stat.lastIndexOf(')');
        if (!stat.substring(stat.indexOf('(') + 1, close).startsWith("postgres")) {
          continue;
        }
        String[] f = stat.substring(close + 2).split(" ");
        total += Long.parseLong(f[11]) + Long.parseLong(f[12]);
      } catch (Exception e) {
        // the process ended meanwhile
      }
    }
    return total;
  }

  private static double pct(long[] sorted, double p) {
    return sorted.length == 0
        ? 0
        : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
  }

  private static void loop(
      WebClient c,
      List<long[]> hosts,
      Buffer body,
      AtomicInteger leased,
      AtomicInteger rpcs,
      AtomicInteger errors,
      AtomicInteger next,
      long[] latencies,
      AtomicInteger latencyCount,
      int groups,
      long stopAt,
      AtomicLong lastLease,
      Promise<Void> done) {
    if (leased.get() >= groups || System.nanoTime() > stopAt) {
      done.tryComplete();
      return;
    }
    int i = Math.floorMod(next.getAndIncrement(), hosts.size());
    long t0 = System.nanoTime();
    c.post("/api/v1/scheduler")
        .putHeader("Authorization", "Bearer " + keys.get(i))
        .putHeader("X-Cairn-Host", Long.toString(hosts.get(i)[0]))
        .putHeader("Content-Type", "application/json")
        .sendBuffer(body)
        .onComplete(
            ar -> {
              long t1 = System.nanoTime();
              int k = latencyCount.getAndIncrement();
              if (k < latencies.length) {
                latencies[k] = t1 - t0;
              }
              rpcs.incrementAndGet();
              if (ar.failed() || ar.result().statusCode() != 200) {
                errors.incrementAndGet();
              } else {
                int got =
                    ar.result()
                        .bodyAsJsonObject()
                        .getJsonObject("data")
                        .getJsonArray("leases")
                        .size();
                if (got > 0) {
                  leased.addAndGet(got);
                  lastLease.set(t1);
                }
              }
              loop(
                  c,
                  hosts,
                  body,
                  leased,
                  rpcs,
                  errors,
                  next,
                  latencies,
                  latencyCount,
                  groups,
                  stopAt,
                  lastLease,
                  done);
            });
  }
}
