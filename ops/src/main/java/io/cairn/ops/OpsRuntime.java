package io.cairn.ops;

import io.cairn.blob.BlobStore;
import io.cairn.blob.BlobStoreFactory;
import io.cairn.config.CairnConfig;
import io.cairn.config.DaemonsConfig;
import io.cairn.config.EmbeddedDatabaseConfig;
import io.cairn.config.PostgresDatabaseConfig;
import io.cairn.config.Secret;
import io.cairn.daemon.DaemonEnvironment;
import io.cairn.daemon.DaemonSettings;
import io.cairn.daemon.LoopSettings;
import io.cairn.pg.EmbeddedPostgresServer;
import io.cairn.schema.db.CairnDatabase;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What the ops tools share: the validated configuration, the database (migrated on open), the blob
 * store, and the {@link DaemonEnvironment} built from them.
 *
 * <p>Daemon settings come from the configuration ({@code daemons.*}, {@code proof.*}); settings the
 * configuration has no key for yet can be given as JVM system properties {@code
 * cairn.daemons.<daemon>.<key>=<value>} (for example {@code
 * -Dcairn.daemons.transitioner.batch-size=10000}).
 *
 * <p>With {@code db.mode=embedded} this process starts the embedded PostgreSQL itself, so embedded
 * mode suits one process running every daemon ({@code cairn-daemon all}); separate daemon processes
 * need {@code db.mode=postgresql}.
 */
public final class OpsRuntime implements AutoCloseable {
  private static final String PROPERTY_PREFIX = "cairn.daemons.";

  private final CairnConfig config;
  private final EmbeddedPostgresServer embedded;
  private final CairnDatabase database;
  private final BlobStore blobs;

  private OpsRuntime(
      CairnConfig config,
      EmbeddedPostgresServer embedded,
      CairnDatabase database,
      BlobStore blobs) {
    this.config = config;
    this.embedded = embedded;
    this.database = database;
    this.blobs = blobs;
  }

  /** Connects to (or starts) the database and opens the blob store. */
  public static OpsRuntime open(CairnConfig config, String poolName) {
    EmbeddedPostgresServer embedded = null;
    CairnDatabase database;
    if (config.database() instanceof PostgresDatabaseConfig pg) {
      database =
          CairnDatabase.open(
              pg.jdbcUrl(),
              pg.user(),
              pg.password().map(Secret::reveal).orElse(""),
              pg.poolSize(),
              poolName);
    } else {
      EmbeddedDatabaseConfig e = (EmbeddedDatabaseConfig) config.database();
      embedded = EmbeddedPostgresServer.start(e.dataDirectory(), e.port());
      database =
          CairnDatabase.open(
              embedded.jdbcUrl("postgres"), embedded.user(), "", e.poolSize(), poolName);
    }
    BlobStore blobs;
    try {
      blobs = BlobStoreFactory.open(config.blobStore());
    } catch (RuntimeException ex) {
      database.close();
      if (embedded != null) {
        embedded.close();
      }
      throw ex;
    }
    return new OpsRuntime(config, embedded, database, blobs);
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

  /** The environment every daemon of this process gets. */
  public DaemonEnvironment daemonEnvironment(Clock clock) {
    return new DaemonEnvironment(
        database.dsl(),
        clock,
        hostname(),
        daemonSettings(config, System.getProperties()),
        Map.of(BlobStore.class, blobs));
  }

  /** The loop settings of {@code daemon}: its idle sleep from {@code daemons.<name>.sleep}. */
  public LoopSettings loopSettings(String daemon) {
    DaemonsConfig d = config.daemons();
    LoopSettings defaults = LoopSettings.defaults();
    return DaemonsConfig.KNOWN_DAEMONS.contains(daemon)
        ? defaults.withIdleSleep(d.sleepOf(daemon))
        : defaults;
  }

  /** Maps the configuration (and {@code cairn.daemons.*} properties) to per-daemon settings. */
  static Map<String, DaemonSettings> daemonSettings(CairnConfig config, Properties properties) {
    Map<String, Map<String, String>> values = new HashMap<>();
    DaemonsConfig d = config.daemons();
    put(values, "feeder", "segment-path", d.feederSegmentFile().toString());
    put(values, "feeder", "slots", Integer.toString(d.feederSegmentSlots()));
    put(values, "housekeeping", "blob-retention", d.housekeepingRetention().toString());
    put(
        values,
        "validator",
        "min-security-bits",
        Integer.toString(config.proof().minSecurityBits()));
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith(PROPERTY_PREFIX)) {
        String rest = name.substring(PROPERTY_PREFIX.length());
        int dot = rest.indexOf('.');
        if (dot > 0) {
          put(
              values,
              rest.substring(0, dot),
              rest.substring(dot + 1),
              properties.getProperty(name));
        }
      }
    }
    Map<String, DaemonSettings> out = new HashMap<>();
    values.forEach((daemon, v) -> out.put(daemon, new DaemonSettings(daemon, v)));
    return out;
  }

  private static void put(
      Map<String, Map<String, String>> values, String daemon, String key, String value) {
    values.computeIfAbsent(daemon, k -> new HashMap<>()).put(key, value);
  }

  /** This host's name, as heartbeat rows and the default instance name use it. */
  public static String hostname() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  @Override
  public void close() {
    try {
      blobs.close();
    } finally {
      try {
        database.close();
      } finally {
        if (embedded != null) {
          embedded.close();
        }
      }
    }
  }
}
