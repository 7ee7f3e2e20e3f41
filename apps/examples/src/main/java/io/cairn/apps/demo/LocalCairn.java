package io.cairn.apps.demo;

import io.cairn.blob.BlobStore;
import io.cairn.blob.BlobStoreFactory;
import io.cairn.config.CairnConfig;
import io.cairn.config.CairnConfigLoader;
import io.cairn.config.DaemonsConfig;
import io.cairn.config.EmbeddedDatabaseConfig;
import io.cairn.daemon.DaemonEnvironment;
import io.cairn.daemon.DaemonFactory;
import io.cairn.daemon.DaemonGroup;
import io.cairn.daemon.DaemonLoop;
import io.cairn.daemon.DaemonSettings;
import io.cairn.daemon.LoopSettings;
import io.cairn.pg.EmbeddedPostgresServer;
import io.cairn.schema.db.CairnDatabase;
import io.cairn.server.ProjectServer;
import io.cairn.server.RunningServer;
import io.cairn.server.ServerSettings;
import io.cairn.server.auth.Passwords;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Cairn project on the embedded defaults, in this JVM: the PostgreSQL Cairn starts itself, the
 * local blob directory, every daemon of {@code daemons.run} on its own thread, and the project
 * server, all configured by the configuration module's defaults with {@code data.dir} set to the
 * given directory. {@link #close} stops them in the reverse order.
 */
public final class LocalCairn implements AutoCloseable {
  private final CairnConfig config;
  private final EmbeddedPostgresServer postgres;
  private final CairnDatabase database;
  private final BlobStore blobs;
  private final DaemonGroup daemons;
  private final List<String> daemonNames;
  private final RunningServer server;

  private LocalCairn(
      CairnConfig config,
      EmbeddedPostgresServer postgres,
      CairnDatabase database,
      BlobStore blobs,
      DaemonGroup daemons,
      List<String> daemonNames,
      RunningServer server) {
    this.config = config;
    this.postgres = postgres;
    this.database = database;
    this.blobs = blobs;
    this.daemons = daemons;
    this.daemonNames = daemonNames;
    this.server = server;
  }

  /**
   * Starts everything under {@code dataDir}.
   *
   * @param port the HTTP port (0: any free port)
   * @param minSecurityBits the validator's minimum ({@code proof.min-security-bits}, 80..256)
   * @param passwords the Argon2id cost of organization passwords ({@link Passwords#DEFAULT} in the
   *     demo; tests pass a cheap one)
   * @param progress told about each part as it comes up
   */
  public static LocalCairn start(
      Path dataDir,
      int port,
      int minSecurityBits,
      Passwords passwords,
      java.util.function.Consumer<String> progress) {
    CairnConfig config =
        CairnConfigLoader.load(
            Optional.empty(),
            Map.of(
                "CAIRN_DATA_DIR", dataDir.toString(),
                "CAIRN_PROOF_MIN_SECURITY_BITS", Integer.toString(minSecurityBits),
                "CAIRN_DAEMONS_FEEDER_SLEEP", "200ms",
                "CAIRN_DAEMONS_TRANSITIONER_SLEEP", "2s",
                "CAIRN_DAEMONS_VALIDATOR_SLEEP", "300ms",
                "CAIRN_DAEMONS_ASSIMILATOR_SLEEP", "300ms",
                "CAIRN_DAEMONS_HOUSEKEEPING_SLEEP", "30s"));
    EmbeddedDatabaseConfig db = (EmbeddedDatabaseConfig) config.database();
    long t0 = System.nanoTime();
    EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(db.dataDirectory(), db.port());
    CairnDatabase database = null;
    BlobStore blobs = null;
    DaemonGroup daemons = null;
    try {
      database =
          CairnDatabase.open(postgres.jdbcUrl("postgres"), postgres.user(), "", 8, "cairn-demo");
      progress.accept(
          String.format(
              "PostgreSQL on %s:%d (data in %s), schema migrated, in %.1f s",
              postgres.host(), postgres.port(), db.dataDirectory(), seconds(t0)));
      blobs = BlobStoreFactory.open(config.blobStore());
      progress.accept("blob store: " + config.blobStore());
      List<String> names = config.daemons().enabled();
      daemons = startDaemons(config, database, blobs, names);
      progress.accept("daemons running in this JVM: " + String.join(", ", names));
      RunningServer server =
          ProjectServer.start(
              serverSettings(config, port, passwords), database, blobs, Clock.systemUTC());
      progress.accept("project server on " + server.baseUrl());
      return new LocalCairn(config, postgres, database, blobs, daemons, names, server);
    } catch (RuntimeException e) {
      closeQuietly(daemons, blobs, database, postgres);
      throw e;
    }
  }

  private static DaemonGroup startDaemons(
      CairnConfig config, CairnDatabase database, BlobStore blobs, List<String> names) {
    DaemonsConfig d = config.daemons();
    Map<String, DaemonSettings> settings =
        Map.of(
            "feeder",
            new DaemonSettings(
                "feeder",
                Map.of(
                    "segment-path", d.feederSegmentFile().toString(),
                    "slots", Integer.toString(d.feederSegmentSlots()))),
            "validator",
            new DaemonSettings(
                "validator",
                Map.of("min-security-bits", Integer.toString(config.proof().minSecurityBits()))),
            "housekeeping",
            new DaemonSettings(
                "housekeeping", Map.of("blob-retention", d.housekeepingRetention().toString())));
    DaemonEnvironment environment =
        new DaemonEnvironment(
            database.dsl(),
            Clock.systemUTC(),
            "localhost",
            settings,
            Map.of(BlobStore.class, blobs));
    List<DaemonLoop> loops = new ArrayList<>();
    for (String name : names) {
      LoopSettings loop = LoopSettings.defaults().withIdleSleep(d.sleepOf(name));
      loops.add(DaemonGroup.loop(DaemonFactory.named(name), environment, "demo", loop));
    }
    for (DaemonLoop loop : loops) {
      if (loop.context().daemon().equals("feeder")) {
        loop.runOnce(); // the server opens the feeder's segment: it must exist first
      }
    }
    return DaemonGroup.startLoops(loops);
  }

  private static ServerSettings serverSettings(CairnConfig config, int port, Passwords passwords) {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    ServerSettings.Builder b = ServerSettings.builder();
    b.host = "127.0.0.1";
    b.port = port;
    b.httpInstances = 1;
    b.jwtSecret = HexFormat.of().formatHex(secret);
    b.passwords = passwords;
    b.segmentFile = config.daemons().feederSegmentFile();
    b.segmentSlots = config.daemons().feederSegmentSlots();
    b.embeddedFeeder = false;
    b.schedulerDelay = Duration.ofSeconds(1);
    b.maxBackoff = Duration.ofSeconds(5);
    b.hostRatePerSecond = 50;
    b.accountRatePerSecond = 50;
    b.anonymousRatePerSecond = 50;
    b.rateBurst = 100;
    return b.build();
  }

  public CairnConfig config() {
    return config;
  }

  public CairnDatabase database() {
    return database;
  }

  public BlobStore blobs() {
    return blobs;
  }

  public RunningServer server() {
    return server;
  }

  /** The daemons running in this JVM. */
  public List<String> daemonNames() {
    return daemonNames;
  }

  /** The server's base URL ({@code http://127.0.0.1:port}). */
  public String url() {
    return server.baseUrl();
  }

  /** Stops the server, the daemons, the blob store and the database, in that order. */
  @Override
  public void close() {
    try {
      server.close();
    } finally {
      closeQuietly(daemons, blobs, database, postgres);
    }
  }

  private static void closeQuietly(AutoCloseable... parts) {
    RuntimeException first = null;
    for (AutoCloseable part : parts) {
      if (part == null) {
        continue;
      }
      try {
        part.close();
      } catch (Exception e) {
        if (first == null) {
          first = new IllegalStateException("could not stop " + part, e);
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
