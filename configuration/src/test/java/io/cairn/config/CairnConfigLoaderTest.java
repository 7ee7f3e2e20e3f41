package io.cairn.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CairnConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void emptyConfigurationMeansEmbeddedEverythingUnderTheDataDirectory() {
    CairnConfig config = CairnConfig.embeddedDefaults();

    Path data = Path.of("cairn-data").toAbsolutePath();
    assertEquals(data, config.dataDirectory());
    EmbeddedDatabaseConfig database =
        assertInstanceOf(EmbeddedDatabaseConfig.class, config.database());
    assertEquals(data.resolve("postgres"), database.dataDirectory());
    assertEquals(0, database.port());
    assertEquals(10, database.poolSize());
    LocalBlobStoreConfig blobs = assertInstanceOf(LocalBlobStoreConfig.class, config.blobStore());
    assertEquals(data.resolve("blobs"), blobs.directory());
    assertEquals(URI.create("http://127.0.0.1:8080"), config.server().publicBaseUrl());
    assertEquals(Duration.ofMinutes(15), config.server().accessTokenLifetime());
    assertEquals(Duration.ofDays(30), config.server().refreshTokenLifetime());
    assertEquals(data.resolve("keys/program-signing-ed25519"), config.server().signingKeyFile());
    assertEquals(16L << 20, config.limits().maxProgramBytes());
    assertEquals(256L << 20, config.limits().maxUploadBytes());
    assertEquals(DaemonsConfig.KNOWN_DAEMONS, config.daemons().enabled());
    assertEquals(Duration.ofSeconds(1), config.daemons().sleepOf("feeder"));
    assertEquals(Duration.ofDays(7), config.daemons().housekeepingRetention());
    assertEquals(100, config.proof().minSecurityBits());
  }

  @Test
  void fileOverridesDefaultsAndEnvironmentOverridesFile() throws IOException {
    Path file =
        write(
            "data.dir=" + dir.resolve("data"),
            "db.pool-size=20",
            "server.port=9000",
            "daemons.run=feeder, validator");

    CairnConfig config =
        CairnConfigLoader.load(Optional.of(file), Map.of("CAIRN_SERVER_PORT", "9100"));

    assertEquals(20, config.database().poolSize());
    assertEquals(9100, config.server().port());
    assertEquals(URI.create("http://127.0.0.1:9100"), config.server().publicBaseUrl());
    assertEquals(List.of("feeder", "validator"), config.daemons().enabled());
    assertTrue(config.daemons().runs("validator"));
    assertFalse(config.daemons().runs("assimilator"));
    assertEquals(
        dir.resolve("data/blobs"),
        ((LocalBlobStoreConfig) config.blobStore()).directory(),
        "${data.dir} in defaults follows the file's data.dir");
  }

  @Test
  void environmentVariableNamesFollowTheKeys() {
    assertEquals("CAIRN_DB_URL", CairnConfigLoader.environmentVariable("db.url"));
    assertEquals(
        "CAIRN_BLOB_S3_PATH_STYLE", CairnConfigLoader.environmentVariable("blob.s3.path-style"));
    Set<String> variables = new HashSet<>();
    for (String key : CairnConfigLoader.knownKeys()) {
      assertTrue(
          variables.add(CairnConfigLoader.environmentVariable(key)), "two keys map to " + key);
    }
  }

  @Test
  void externalPostgresqlWithPasswordFromTheEnvironment() {
    CairnConfig config =
        CairnConfigLoader.load(
            Optional.empty(),
            Map.of(
                "CAIRN_DB_MODE", "postgresql",
                "CAIRN_DB_URL", "jdbc:postgresql://db.internal:5432/cairn",
                "CAIRN_DB_USER", "cairn",
                "CAIRN_DB_PASSWORD", "s3cr3t-pw"));

    PostgresDatabaseConfig database =
        assertInstanceOf(PostgresDatabaseConfig.class, config.database());
    assertEquals("jdbc:postgresql://db.internal:5432/cairn", database.jdbcUrl());
    assertEquals("cairn", database.user());
    assertEquals("s3cr3t-pw", database.password().orElseThrow().reveal());
    assertFalse(config.toString().contains("s3cr3t-pw"), config.toString());
  }

  @Test
  void passwordFromAFile() throws IOException {
    Path secret = Files.writeString(dir.resolve("pw"), "from-file\n");
    Path file =
        write(
            "db.mode=postgresql",
            "db.url=jdbc:postgresql://localhost/cairn",
            "db.user=cairn",
            "db.password-file=" + secret);

    PostgresDatabaseConfig database =
        (PostgresDatabaseConfig) CairnConfigLoader.load(Optional.of(file), Map.of()).database();

    assertEquals("from-file", database.password().orElseThrow().reveal());
    assertEquals("file " + secret, database.password().orElseThrow().source());
  }

  @Test
  void secretInTheFileIsRejectedWithoutEchoingIt() throws IOException {
    Path file = write("db.password=hunter2");

    ConfigException failure = assertThrows(ConfigException.class, () -> load(file));

    assertEquals(1, failure.problems().size());
    assertEquals("db.password", failure.problems().get(0).key());
    assertTrue(failure.getMessage().contains("CAIRN_DB_PASSWORD"), failure.getMessage());
    assertTrue(failure.getMessage().contains("db.password-file"), failure.getMessage());
    assertFalse(failure.getMessage().contains("hunter2"), failure.getMessage());
  }

  @Test
  void unknownKeyIsRejectedWithASuggestion() throws IOException {
    Path file = write("db.pool_size=5", "frobnicate=yes");

    ConfigException failure = assertThrows(ConfigException.class, () -> load(file));

    assertEquals(List.of("db.pool_size", "frobnicate"), keys(failure));
    assertTrue(failure.problems().get(0).message().contains("did you mean db.pool-size?"));
    assertTrue(failure.problems().get(1).message().startsWith("unknown key"));
    assertFalse(failure.problems().get(1).message().contains("did you mean"));
    assertEquals(file.toString(), failure.problems().get(0).source());
  }

  @Test
  void everyInvalidValueNamesItsKeyItsSourceAndWhatIsExpected() {
    Map<String, String> cases =
        Map.of(
            "db.pool-size", "abc",
            "server.port", "70000",
            "blob.s3.path-style", "maybe",
            "limits.max-upload-bytes", "10XB",
            "daemons.feeder.sleep", "fast",
            "proof.min-security-bits", "40",
            "db.mode", "mysql",
            "server.public-url", "ftp://example.org");
    for (Map.Entry<String, String> bad : cases.entrySet()) {
      String variable = CairnConfigLoader.environmentVariable(bad.getKey());
      ConfigException failure =
          assertThrows(
              ConfigException.class,
              () ->
                  CairnConfigLoader.load(
                      Optional.empty(),
                      Map.of(
                          "CAIRN_BLOB_STORE",
                          "s3",
                          "CAIRN_BLOB_S3_BUCKET",
                          "cairn-blobs",
                          variable,
                          bad.getValue())),
              bad.getKey());
      ConfigProblem problem = failure.problems().get(0);
      assertEquals(bad.getKey(), problem.key(), failure.getMessage());
      assertEquals("environment variable " + variable, problem.source());
      assertTrue(problem.message().contains("\"" + bad.getValue() + "\""), problem.message());
      assertTrue(problem.message().contains("expected"), problem.message());
    }
  }

  @Test
  void allProblemsAreReportedTogether() throws IOException {
    Path file =
        write(
            "db.mode=postgresql",
            "db.pool-size=0",
            "server.default-page-size=100",
            "daemons.run=feeder,janitor,feeder",
            "limits.max-steps=-1",
            "blob.local.dir=${no.such.key}/blobs");

    ConfigException failure = assertThrows(ConfigException.class, () -> load(file));

    assertEquals(
        Set.of(
            "blob.local.dir",
            "db.pool-size",
            "db.url",
            "db.user",
            "server.default-page-size",
            "daemons.run",
            "limits.max-steps"),
        Set.copyOf(keys(failure)));
    assertTrue(
        failure.getMessage().startsWith("The configuration has 8 problems:"), failure.getMessage());
    assertTrue(failure.getMessage().contains("janitor"), failure.getMessage());
    assertTrue(failure.getMessage().contains("more than once"), failure.getMessage());
  }

  @Test
  void settingsOfTheModeNotChosenAreReportedNotIgnored() {
    ConfigException failure =
        assertThrows(
            ConfigException.class,
            () ->
                CairnConfigLoader.load(
                    Optional.empty(),
                    Map.of(
                        "CAIRN_DB_URL", "jdbc:postgresql://db/cairn",
                        "CAIRN_BLOB_S3_BUCKET", "cairn-blobs")));

    assertEquals(Set.of("db.url", "blob.s3.bucket"), Set.copyOf(keys(failure)));
    assertTrue(failure.getMessage().contains("set db.mode=postgresql"), failure.getMessage());
    assertTrue(failure.getMessage().contains("set blob.store=s3"), failure.getMessage());
  }

  @Test
  void emptyEnvironmentVariableCountsAsUnset() {
    CairnConfig config =
        CairnConfigLoader.load(
            Optional.empty(), Map.of("CAIRN_DB_URL", "", "CAIRN_BLOB_S3_BUCKET", " "));

    assertInstanceOf(EmbeddedDatabaseConfig.class, config.database());
    assertInstanceOf(LocalBlobStoreConfig.class, config.blobStore());
  }

  @Test
  void wildcardBindAddressNeedsAPublicUrl() {
    ConfigException failure =
        assertThrows(
            ConfigException.class,
            () -> CairnConfigLoader.load(Optional.empty(), Map.of("CAIRN_SERVER_HOST", "0.0.0.0")));
    assertEquals(List.of("server.public-url"), keys(failure));

    CairnConfig config =
        CairnConfigLoader.load(
            Optional.empty(),
            Map.of(
                "CAIRN_SERVER_HOST", "0.0.0.0",
                "CAIRN_SERVER_PUBLIC_URL", "https://cairn.example.org"));
    assertEquals(URI.create("https://cairn.example.org"), config.server().publicBaseUrl());
  }

  @Test
  void missingFileIsAProblem() {
    Path missing = dir.resolve("nope.properties");

    ConfigException failure = assertThrows(ConfigException.class, () -> load(missing));

    assertEquals(CairnConfigLoader.CONFIG_FILE_VARIABLE, failure.problems().get(0).key());
    assertTrue(failure.getMessage().contains("does not exist"), failure.getMessage());
  }

  @Test
  void configurationIsImmutable() {
    DaemonsConfig daemons = CairnConfig.embeddedDefaults().daemons();
    assertThrows(UnsupportedOperationException.class, () -> daemons.enabled().add("feeder"));
    assertThrows(
        UnsupportedOperationException.class,
        () -> daemons.sleepAfterIdlePass().put("feeder", Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> daemons.sleepOf("janitor"));
  }

  @Test
  void everyKeyIsDescribedInTheReadme() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    for (String key : CairnConfigLoader.knownKeys()) {
      assertTrue(
          readme.contains("`" + key + "`"), "configuration/README.md does not describe " + key);
    }
    for (String key : CairnConfigLoader.SECRET_KEYS.keySet()) {
      assertTrue(
          readme.contains("`" + key + "`"), "configuration/README.md does not describe " + key);
    }
  }

  private CairnConfig load(Path file) {
    return CairnConfigLoader.load(Optional.of(file), Map.of());
  }

  private Path write(String... lines) throws IOException {
    return Files.write(dir.resolve("cairn.properties"), List.of(lines));
  }

  private static List<String> keys(ConfigException failure) {
    return failure.problems().stream().map(ConfigProblem::key).toList();
  }
}
