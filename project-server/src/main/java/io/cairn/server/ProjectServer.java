package io.cairn.server;

import io.cairn.blob.BlobStore;
import io.cairn.schema.db.CairnDatabase;
import io.cairn.segment.SegmentReader;
import io.cairn.segment.SegmentWriter;
import io.cairn.server.auth.RateLimiter;
import io.cairn.server.auth.ServerKey;
import io.cairn.server.program.ProgramCache;
import io.cairn.server.scheduler.EmbeddedFeeder;
import io.cairn.server.status.Metrics;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the project server: the HTTP API verticles (one per configured instance, sharing the port)
 * and, when configured, the embedded feeder. {@link #start} is the entry point for code that runs
 * the server in its own JVM (the demo, tests, the benchmark); {@link #main} is the command.
 */
public final class ProjectServer {
  private static final Logger log = LoggerFactory.getLogger(ProjectServer.class);

  private ProjectServer() {}

  /**
   * Starts a server on {@code database} (already migrated, see {@link CairnDatabase#open}) and
   * {@code blobs}. Returns once it listens.
   */
  public static RunningServer start(
      ServerSettings settings, CairnDatabase database, BlobStore blobs, Clock clock) {
    Vertx vertx =
        Vertx.vertx(
            new VertxOptions().setWorkerPoolSize(Math.max(8, settings.httpInstances() * 8)));
    try {
      SegmentWriter writer = null;
      EmbeddedFeeder feeder = null;
      if (settings.embeddedFeeder()) {
        String instance =
            "embedded-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100000;
        writer =
            SegmentWriter.open(settings.segmentFile(), settings.segmentSlots(), instance, clock);
        feeder = new EmbeddedFeeder(database, writer, clock);
      } else if (!Files.exists(settings.segmentFile())) {
        // the feeder daemon has not started yet: lay out an empty segment of the configured size,
        // which the feeder rebuilds in place (same size) when it opens it
        log.info("no work segment at {} yet; creating an empty one", settings.segmentFile());
        SegmentWriter.open(settings.segmentFile(), settings.segmentSlots(), "unowned", clock)
            .close();
      }
      SegmentReader reader = SegmentReader.open(settings.segmentFile(), clock);
      ServerKey key =
          settings.serverKeySeed() == null
              ? ServerKey.generate()
              : ServerKey.fromSeed(settings.serverKeySeed());
      Services services =
          new Services(
              vertx,
              settings,
              new Db(vertx, database),
              blobs,
              clock,
              key,
              reader,
              new ProgramCache(),
              new RateLimiter(settings.accountRatePerSecond(), settings.rateBurst(), clock),
              new RateLimiter(settings.hostRatePerSecond(), settings.rateBurst(), clock),
              new RateLimiter(settings.anonymousRatePerSecond(), settings.rateBurst(), clock),
              new Metrics());
      if (settings.port() == 0 && settings.httpInstances() > 1) {
        // instances share a server only when they ask for the same port; 0 would give each its own
        services = withPort(services, freePort(settings.host()));
      }
      ApiVerticle first = new ApiVerticle(services);
      vertx.deployVerticle(first).await();
      int port = first.actualPort();
      if (settings.httpInstances() > 1) {
        Services samePort = withPort(services, port);
        vertx
            .deployVerticle(
                () -> new ApiVerticle(samePort),
                new DeploymentOptions().setInstances(settings.httpInstances() - 1))
            .await();
      }
      AtomicBoolean running = new AtomicBoolean();
      long feederTimer = -1;
      if (feeder != null) {
        EmbeddedFeeder f = feeder;
        f.runOnePass();
        feederTimer =
            vertx.setPeriodic(
                settings.feederInterval().toMillis(),
                id -> {
                  if (running.compareAndSet(false, true)) {
                    vertx
                        .executeBlocking(f::runOnePass, false)
                        .onComplete(
                            ar -> {
                              running.set(false);
                              if (ar.failed()) {
                                log.warn("embedded feeder pass failed", ar.cause());
                              }
                            });
                  }
                });
        var limiter = services.hostLimiter();
        vertx.setPeriodic(60_000, id -> limiter.evictIdle());
      }
      log.info("Cairn project server listening on {}:{}", settings.host(), port);
      return new RunningServer(vertx, port, services, writer, feeder, first, feederTimer, running);
    } catch (RuntimeException e) {
      vertx.close();
      throw e;
    }
  }

  private static Services withPort(Services s, int port) {
    return new Services(
        s.vertx(),
        s.settings().toBuilder().port(port).build(),
        s.db(),
        s.blobs(),
        s.clock(),
        s.serverKey(),
        s.segment(),
        s.programs(),
        s.accountLimiter(),
        s.hostLimiter(),
        s.anonymousLimiter(),
        s.metrics());
  }

  private static int freePort(String host) {
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("no free port on " + host, e);
    }
  }

  /**
   * The command: the shared configuration ({@code CAIRN_CONFIG} file plus {@code CAIRN_*}
   * variables), a PostgreSQL URL from {@code database.*}; fills the segment itself unless the
   * feeder daemon is configured to run ({@code daemons.run} contains {@code feeder}).
   */
  public static void main(String[] args) {
    io.cairn.config.CairnConfig config = io.cairn.config.CairnConfigLoader.fromEnvironment();
    boolean embedded = !config.daemons().enabled().contains("feeder");
    ServerSettings settings = ConfiguredSettings.from(config, embedded);
    if (!(config.database() instanceof io.cairn.config.PostgresDatabaseConfig pg)) {
      System.err.println(
          "the server command needs db.url (a PostgreSQL server); the embedded database is"
              + " started by ops/bin/start or the demo, which call ProjectServer.start");
      System.exit(2);
      return;
    }
    CairnDatabase db =
        CairnDatabase.open(
            pg.jdbcUrl(),
            pg.user(),
            pg.password().map(io.cairn.config.Secret::reveal).orElse(""),
            pg.poolSize(),
            "cairn-server");
    BlobStore blobs = io.cairn.blob.BlobStoreFactory.open(config.blobStore());
    RunningServer server = start(settings, db, blobs, Clock.systemUTC());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  blobs.close();
                  db.close();
                },
                "cairn-server-stop"));
  }
}
