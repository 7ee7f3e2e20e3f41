package io.cairn.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.blob.S3BlobStoreSettings.StaticCredentials;
import io.cairn.testkit.s3.TestS3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract, against a real S3 API: the in-process S3Proxy of {@link TestS3}. */
class S3BlobStoreTest extends BlobStoreContract {
  static final TestS3 s3 = TestS3.shared();

  @TempDir Path spool;
  String bucket;

  @Override
  BlobStore newStore() {
    bucket = s3.newBucket();
    return S3BlobStore.open(settings(bucket, ""));
  }

  S3BlobStoreSettings settings(String bucketName, String prefix) {
    return new S3BlobStoreSettings(
        Optional.of(s3.endpoint()),
        s3.region(),
        bucketName,
        prefix,
        s3.pathStyle(),
        Optional.of(new StaticCredentials(s3.accessKey(), s3.secretKey())),
        spool);
  }

  /** The bucket's keys and any file left in the spool directory. */
  @Override
  List<String> storedObjects() throws Exception {
    List<String> objects = new ArrayList<>(s3.listKeys(bucket));
    try (Stream<Path> files = Files.list(spool)) {
      files.forEach(file -> objects.add("spool:" + file.getFileName()));
    }
    return objects;
  }

  @Test
  void objectKeysAreThePrefixThenTheBlobKey() throws Exception {
    try (BlobStore prefixed = S3BlobStore.open(settings(bucket, "deployment-1"))) {
      prefixed.put("proofs", bytes("hello"), NO_LIMIT);
      prefixed.put(bytes("hello"), NO_LIMIT);
    }

    assertEquals(
        List.of("deployment-1/" + HELLO_SHA256, "deployment-1/proofs/" + HELLO_SHA256),
        s3.listKeys(bucket));
    assertFalse(store.exists(BlobKey.ofSha256(HELLO_SHA256)), "the unprefixed store sees none");
  }

  @Test
  void missingBucketIsReportedWhenTheStoreOpens() {
    BlobStoreException failure =
        assertThrows(
            BlobStoreException.class, () -> S3BlobStore.open(settings("cairn-no-such-bucket", "")));
    assertTrue(failure.getMessage().contains("cairn-no-such-bucket"), failure.getMessage());
  }

  @Test
  void wrongCredentialsAreReportedWhenTheStoreOpens() {
    S3BlobStoreSettings wrong =
        new S3BlobStoreSettings(
            Optional.of(s3.endpoint()),
            s3.region(),
            bucket,
            "",
            true,
            Optional.of(new StaticCredentials(s3.accessKey(), "wrong-secret")),
            spool);

    BlobStoreException failure =
        assertThrows(BlobStoreException.class, () -> S3BlobStore.open(wrong));
    assertTrue(failure.getMessage().contains(bucket), failure.getMessage());
  }

  @Test
  void settingsRejectUnsafeValuesAndHideTheSecret() {
    assertThrows(IllegalArgumentException.class, () -> settings("Bad_Bucket", ""));
    assertThrows(IllegalArgumentException.class, () -> settings(bucket, "../escape/"));
    assertThrows(IllegalArgumentException.class, () -> settings(bucket, "/absolute/"));
    assertThrows(IllegalArgumentException.class, () -> settings(bucket, "Upper/"));
    assertEquals("cairn/", settings(bucket, "cairn").keyPrefix());
    assertFalse(settings(bucket, "").toString().contains(s3.secretKey()));
  }
}
