package io.cairn.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a Cairn process is configured with, validated and immutable, one record per concern.
 *
 * <p>Get one from {@link CairnConfigLoader}; {@link #embeddedDefaults()} is what an empty
 * configuration means: an embedded PostgreSQL and a local blob directory under {@code data.dir}.
 * {@link #toString()} never shows secrets, so the whole configuration can be logged at start.
 *
 * @param dataDirectory {@code data.dir}: where embedded data, keys and temporary files live
 * @param database {@code db.*}
 * @param blobStore {@code blob.*}
 * @param server {@code server.*}
 * @param limits {@code limits.*}
 * @param jobDefaults {@code jobs.*}
 * @param daemons {@code daemons.*}
 * @param proof {@code proof.*}
 */
public record CairnConfig(
    Path dataDirectory,
    DatabaseConfig database,
    BlobStoreConfig blobStore,
    ServerConfig server,
    LimitsConfig limits,
    JobDefaultsConfig jobDefaults,
    DaemonsConfig daemons,
    ProofConfig proof) {

  public CairnConfig {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(blobStore, "blobStore");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(jobDefaults, "jobDefaults");
    Objects.requireNonNull(daemons, "daemons");
    Objects.requireNonNull(proof, "proof");
  }

  /** The configuration with nothing set: the built-in defaults only, no environment. */
  public static CairnConfig embeddedDefaults() {
    return CairnConfigLoader.load(Optional.empty(), Map.of());
  }

  static CairnConfig read(SettingsReader settings) {
    return new CairnConfig(
        settings.path("data.dir"),
        readDatabase(settings),
        readBlobStore(settings),
        ServerConfig.read(settings),
        LimitsConfig.read(settings),
        JobDefaultsConfig.read(settings),
        DaemonsConfig.read(settings),
        ProofConfig.read(settings));
  }

  private static DatabaseConfig readDatabase(SettingsReader settings) {
    String mode = settings.choice("db.mode", List.of("embedded", "postgresql"));
    int poolSize = settings.integer("db.pool-size", 1, 1000);
    if (mode.equals("postgresql")) {
      return PostgresDatabaseConfig.read(settings, poolSize);
    }
    for (String key : new String[] {"db.url", "db.user", "db.password-file"}) {
      if (settings.isExplicit(key)) {
        settings.problem(key, "is set, but db.mode is embedded; set db.mode=postgresql to use it");
      }
    }
    return new EmbeddedDatabaseConfig(
        settings.path("db.embedded.dir"), settings.integer("db.embedded.port", 0, 65535), poolSize);
  }

  private static BlobStoreConfig readBlobStore(SettingsReader settings) {
    String store = settings.choice("blob.store", List.of("local", "s3"));
    if (store.equals("s3")) {
      return S3BlobStoreConfig.read(settings);
    }
    for (String key : S3BlobStoreConfig.KEYS_REQUIRING_S3) {
      if (settings.isExplicit(key)) {
        settings.problem(key, "is set, but blob.store is local; set blob.store=s3 to use it");
      }
    }
    return new LocalBlobStoreConfig(settings.path("blob.local.dir"));
  }
}
