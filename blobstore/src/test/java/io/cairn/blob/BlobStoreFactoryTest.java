package io.cairn.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.config.CairnConfig;
import io.cairn.config.CairnConfigLoader;
import io.cairn.testkit.s3.TestS3;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From configuration keys to a working store, for both kinds. */
class BlobStoreFactoryTest {
  @TempDir Path dir;

  @Test
  void emptyConfigurationGivesALocalStoreUnderTheDataDirectory() throws Exception {
    CairnConfig config =
        CairnConfigLoader.load(Optional.empty(), Map.of("CAIRN_DATA_DIR", dir.toString()));

    try (BlobStore store = BlobStoreFactory.open(config.blobStore())) {
      LocalDirectoryBlobStore local = assertInstanceOf(LocalDirectoryBlobStore.class, store);
      assertEquals(dir.resolve("blobs"), local.root());
      assertRoundTrip(store);
    }
  }

  @Test
  void s3ConfigurationGivesAnS3StoreOnTheConfiguredBucket() throws Exception {
    TestS3 s3 = TestS3.shared();
    String bucket = s3.newBucket();
    Path secretFile = Files.writeString(dir.resolve("s3-secret"), s3.secretKey() + "\n");
    CairnConfig config =
        CairnConfigLoader.load(
            Optional.empty(),
            Map.of(
                "CAIRN_DATA_DIR", dir.toString(),
                "CAIRN_BLOB_STORE", "s3",
                "CAIRN_BLOB_S3_ENDPOINT", s3.endpoint().toString(),
                "CAIRN_BLOB_S3_REGION", s3.region(),
                "CAIRN_BLOB_S3_BUCKET", bucket,
                "CAIRN_BLOB_S3_PREFIX", "cairn",
                "CAIRN_BLOB_S3_PATH_STYLE", String.valueOf(s3.pathStyle()),
                "CAIRN_BLOB_S3_ACCESS_KEY", s3.accessKey(),
                "CAIRN_BLOB_S3_SECRET_KEY_FILE", secretFile.toString()));

    try (BlobStore store = BlobStoreFactory.open(config.blobStore())) {
      assertInstanceOf(S3BlobStore.class, store);
      BlobRef ref = assertRoundTrip(store);
      assertEquals(List.of("cairn/programs/" + ref.key().sha256Hex()), s3.listKeys(bucket));
    }
    assertTrue(Files.isDirectory(dir.resolve("spool")));
  }

  @Test
  void s3ConfigurationWithAMissingBucketFailsAtOpen() {
    TestS3 s3 = TestS3.shared();
    CairnConfig config =
        CairnConfigLoader.load(
            Optional.empty(),
            Map.of(
                "CAIRN_DATA_DIR", dir.toString(),
                "CAIRN_BLOB_STORE", "s3",
                "CAIRN_BLOB_S3_ENDPOINT", s3.endpoint().toString(),
                "CAIRN_BLOB_S3_BUCKET", "cairn-never-created",
                "CAIRN_BLOB_S3_PATH_STYLE", "true",
                "CAIRN_BLOB_S3_ACCESS_KEY", s3.accessKey(),
                "CAIRN_BLOB_S3_SECRET_KEY", s3.secretKey()));

    BlobStoreException failure =
        assertThrows(BlobStoreException.class, () -> BlobStoreFactory.open(config.blobStore()));
    assertTrue(failure.getMessage().contains("cairn-never-created"), failure.getMessage());
  }

  private static BlobRef assertRoundTrip(BlobStore store) throws Exception {
    byte[] content = "a compiled program".getBytes(StandardCharsets.UTF_8);
    BlobRef ref = store.put("programs", new ByteArrayInputStream(content), 1024);
    try (InputStream in = store.open(ref.key())) {
      assertArrayEquals(content, in.readAllBytes());
    }
    return ref;
  }
}
