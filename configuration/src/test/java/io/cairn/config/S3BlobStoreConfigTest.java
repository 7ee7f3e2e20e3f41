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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3BlobStoreConfigTest {
  @TempDir Path dir;

  private static Map<String, String> s3(String... more) {
    Map<String, String> environment = new HashMap<>();
    environment.put("CAIRN_BLOB_STORE", "s3");
    environment.put("CAIRN_BLOB_S3_BUCKET", "cairn-blobs");
    for (int i = 0; i < more.length; i += 2) {
      environment.put(more[i], more[i + 1]);
    }
    return environment;
  }

  @Test
  void s3WithEndpointPathStyleAndCredentialsFromTheEnvironment() {
    CairnConfig config =
        CairnConfigLoader.load(
            Optional.empty(),
            s3(
                "CAIRN_BLOB_S3_ENDPOINT", "http://minio.internal:9000",
                "CAIRN_BLOB_S3_PATH_STYLE", "true",
                "CAIRN_BLOB_S3_PREFIX", "prod",
                "CAIRN_BLOB_S3_ACCESS_KEY", "AKIAEXAMPLE",
                "CAIRN_BLOB_S3_SECRET_KEY", "very-secret-key"));

    S3BlobStoreConfig s3 = assertInstanceOf(S3BlobStoreConfig.class, config.blobStore());
    assertEquals(Optional.of(URI.create("http://minio.internal:9000")), s3.endpoint());
    assertEquals("us-east-1", s3.region());
    assertEquals("cairn-blobs", s3.bucket());
    assertEquals("prod/", s3.keyPrefix());
    assertTrue(s3.pathStyle());
    assertEquals("AKIAEXAMPLE", s3.accessKey().orElseThrow().reveal());
    assertEquals("very-secret-key", s3.secretKey().orElseThrow().reveal());
    assertFalse(config.toString().contains("very-secret-key"));
  }

  @Test
  void noCredentialsMeansTheAwsDefaultChain() {
    S3BlobStoreConfig s3 =
        (S3BlobStoreConfig) CairnConfigLoader.load(Optional.empty(), s3()).blobStore();

    assertTrue(s3.endpoint().isEmpty());
    assertTrue(s3.accessKey().isEmpty());
    assertTrue(s3.secretKey().isEmpty());
  }

  @Test
  void secretKeyFromAFile() throws IOException {
    Path secret = Files.writeString(dir.resolve("s3-secret"), "file-secret");

    S3BlobStoreConfig s3 =
        (S3BlobStoreConfig)
            CairnConfigLoader.load(
                    Optional.empty(),
                    s3(
                        "CAIRN_BLOB_S3_ACCESS_KEY",
                        "AKIAEXAMPLE",
                        "CAIRN_BLOB_S3_SECRET_KEY_FILE",
                        secret.toString()))
                .blobStore();

    assertEquals("file-secret", s3.secretKey().orElseThrow().reveal());
  }

  @Test
  void halfACredentialPairIsAProblem() {
    ConfigException failure =
        assertThrows(
            ConfigException.class,
            () ->
                CairnConfigLoader.load(
                    Optional.empty(), s3("CAIRN_BLOB_S3_ACCESS_KEY", "AKIAEXAMPLE")));

    assertEquals("blob.s3.secret-key", failure.problems().get(0).key());
    assertTrue(failure.getMessage().contains("together"), failure.getMessage());
  }

  @Test
  void unreadableSecretFileAndBadBucketAreReportedTogether() {
    ConfigException failure =
        assertThrows(
            ConfigException.class,
            () ->
                CairnConfigLoader.load(
                    Optional.empty(),
                    s3(
                        "CAIRN_BLOB_S3_BUCKET", "Not_A_Bucket",
                        "CAIRN_BLOB_S3_ACCESS_KEY", "AKIAEXAMPLE",
                        "CAIRN_BLOB_S3_SECRET_KEY_FILE", dir.resolve("missing").toString(),
                        "CAIRN_BLOB_S3_PREFIX", "../up")));

    List<String> keys = failure.problems().stream().map(ConfigProblem::key).toList();
    assertTrue(keys.contains("blob.s3.bucket"), keys.toString());
    assertTrue(keys.contains("blob.s3.secret-key-file"), keys.toString());
    assertTrue(keys.contains("blob.s3.prefix"), keys.toString());
    assertTrue(failure.getMessage().contains("cannot read the secret"), failure.getMessage());
  }

  @Test
  void secretInBothPlacesIsAmbiguous() throws IOException {
    Path secret = Files.writeString(dir.resolve("s3-secret"), "file-secret");

    ConfigException failure =
        assertThrows(
            ConfigException.class,
            () ->
                CairnConfigLoader.load(
                    Optional.empty(),
                    s3(
                        "CAIRN_BLOB_S3_ACCESS_KEY", "AKIAEXAMPLE",
                        "CAIRN_BLOB_S3_SECRET_KEY", "env-secret",
                        "CAIRN_BLOB_S3_SECRET_KEY_FILE", secret.toString())));

    assertTrue(failure.getMessage().contains("not both"), failure.getMessage());
    assertFalse(failure.getMessage().contains("env-secret"));
  }
}
