package io.cairn.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A {@link BlobStore} in a bucket of any S3-compatible service, through the AWS SDK v2.
 *
 * <p>Object keys are {@code <keyPrefix><namespace>/<sha256>} ({@code <keyPrefix><sha256>} without a
 * namespace). An upload is first copied to a temporary file in the spool directory while it is
 * hashed and measured; only then, with the final key and the exact length known, is it sent with a
 * single PutObject carrying the SHA-256 checksum, which S3 checks before it makes the object
 * visible. So an oversized or broken upload never reaches the bucket, memory use does not depend on
 * the blob's size, and a blob that is already there is not sent again.
 *
 * <p>One PutObject carries at most 5 GiB, so this store cannot hold larger blobs; Cairn's upload
 * limits are far below that.
 *
 * <p>The HTTP client is the SDK's {@code url-connection-client}, which keeps the SDK's Netty out of
 * a process that also runs Vert.x.
 */
public final class S3BlobStore implements BlobStore {
  private final S3Client client;
  private final String bucket;
  private final String keyPrefix;
  private final Path spoolDirectory;

  private S3BlobStore(S3Client client, String bucket, String keyPrefix, Path spoolDirectory) {
    this.client = client;
    this.bucket = bucket;
    this.keyPrefix = keyPrefix;
    this.spoolDirectory = spoolDirectory;
  }

  /**
   * Connects and checks that the bucket exists and the credentials may use it.
   *
   * @throws BlobStoreException if the bucket is missing, unreachable or not accessible, or the
   *     spool directory cannot be created
   */
  public static S3BlobStore open(S3BlobStoreSettings settings) {
    Objects.requireNonNull(settings, "settings");
    try {
      Files.createDirectories(settings.spoolDirectory());
    } catch (IOException e) {
      throw new BlobStoreException(
          "cannot create the S3 spool directory " + settings.spoolDirectory(), e);
    }
    S3Client client = newClient(settings);
    S3BlobStore store =
        new S3BlobStore(client, settings.bucket(), settings.keyPrefix(), settings.spoolDirectory());
    try {
      store.checkBucket(settings);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
    return store;
  }

  private static S3Client newClient(S3BlobStoreSettings settings) {
    AwsCredentialsProvider credentials =
        settings
            .credentials()
            .<AwsCredentialsProvider>map(
                c ->
                    StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
            .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    S3ClientBuilder builder =
        S3Client.builder()
            .region(Region.of(settings.region()))
            .forcePathStyle(settings.pathStyle())
            .credentialsProvider(credentials)
            .httpClientBuilder(UrlConnectionHttpClient.builder());
    settings.endpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  private void checkBucket(S3BlobStoreSettings settings) {
    String where = settings.endpoint().map(Object::toString).orElse("AWS " + settings.region());
    try {
      client.headBucket(b -> b.bucket(bucket));
    } catch (NoSuchBucketException e) {
      throw new BlobStoreException("the S3 bucket '" + bucket + "' does not exist at " + where, e);
    } catch (SdkException e) {
      throw new BlobStoreException(
          "cannot use the S3 bucket '" + bucket + "' at " + where + ": " + e.getMessage(), e);
    }
  }

  @Override
  public BlobRef put(String namespace, InputStream data, long maxBytes) {
    BlobKey.requireValidNamespace(namespace);
    try (ContentSpool spool = ContentSpool.write(data, spoolDirectory, maxBytes, false)) {
      BlobKey key = new BlobKey(namespace, spool.sha256Hex());
      String objectKey = objectKey(key);
      Optional<Long> storedSize = headObject(key).map(HeadObjectResponse::contentLength);
      if (storedSize.isEmpty() || storedSize.get() != spool.sizeBytes()) {
        upload(spool, objectKey);
      }
      return new BlobRef(key, spool.sizeBytes());
    }
  }

  private void upload(ContentSpool spool, String objectKey) {
    String checksum = Base64.getEncoder().encodeToString(spool.sha256());
    try {
      client.putObject(
          b ->
              b.bucket(bucket)
                  .key(objectKey)
                  .contentLength(spool.sizeBytes())
                  .checksumSHA256(checksum),
          RequestBody.fromFile(spool.file()));
    } catch (SdkException e) {
      throw failure("PutObject", objectKey, e);
    }
  }

  @Override
  public InputStream open(BlobKey key) {
    String objectKey = objectKey(key);
    try {
      return client.getObject(b -> b.bucket(bucket).key(objectKey));
    } catch (NoSuchKeyException e) {
      throw new BlobNotFoundException(key);
    } catch (SdkException e) {
      throw failure("GetObject", objectKey, e);
    }
  }

  @Override
  public Optional<BlobInfo> stat(BlobKey key) {
    return headObject(key)
        .map(head -> new BlobInfo(key, head.contentLength(), head.lastModified()));
  }

  private Optional<HeadObjectResponse> headObject(BlobKey key) {
    String objectKey = objectKey(key);
    try {
      return Optional.of(client.headObject(b -> b.bucket(bucket).key(objectKey)));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw failure("HeadObject", objectKey, e);
    } catch (SdkException e) {
      throw failure("HeadObject", objectKey, e);
    }
  }

  @Override
  public void delete(BlobKey key) {
    String objectKey = objectKey(key);
    try {
      client.deleteObject(b -> b.bucket(bucket).key(objectKey));
    } catch (SdkException e) {
      throw failure("DeleteObject", objectKey, e);
    }
  }

  @Override
  public void close() {
    client.close();
  }

  /** The name of the object that holds, or would hold, the blob with this key. */
  String objectKey(BlobKey key) {
    return keyPrefix + key;
  }

  private BlobStoreException failure(String operation, String objectKey, SdkException cause) {
    return new BlobStoreException(
        "S3 "
            + operation
            + " of s3://"
            + bucket
            + "/"
            + objectKey
            + " failed: "
            + cause.getMessage(),
        cause);
  }

  @Override
  public String toString() {
    return "S3BlobStore[s3://" + bucket + "/" + keyPrefix + "]";
  }
}
