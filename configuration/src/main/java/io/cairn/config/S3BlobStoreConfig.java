package io.cairn.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Blobs in a bucket of an S3-compatible service ({@code blob.store=s3}).
 *
 * @param endpoint {@code blob.s3.endpoint}; empty for AWS S3 itself
 * @param region {@code blob.s3.region}
 * @param bucket {@code blob.s3.bucket}; must already exist
 * @param keyPrefix {@code blob.s3.prefix}: prepended to every object key; empty or ending in /
 * @param pathStyle {@code blob.s3.path-style}: address buckets by path (MinIO and most self-hosted
 *     services)
 * @param accessKey from {@code CAIRN_BLOB_S3_ACCESS_KEY} or {@code blob.s3.access-key-file}
 * @param secretKey from {@code CAIRN_BLOB_S3_SECRET_KEY} or {@code blob.s3.secret-key-file}; both
 *     keys or neither (then the AWS SDK's default chain applies: environment, profile, role)
 * @param spoolDirectory {@code blob.s3.spool-dir}: temporary copies of uploads being hashed
 */
public record S3BlobStoreConfig(
    Optional<URI> endpoint,
    String region,
    String bucket,
    String keyPrefix,
    boolean pathStyle,
    Optional<Secret> accessKey,
    Optional<Secret> secretKey,
    Path spoolDirectory)
    implements BlobStoreConfig {

  static final List<String> KEYS_REQUIRING_S3 =
      List.of(
          "blob.s3.endpoint",
          "blob.s3.region",
          "blob.s3.bucket",
          "blob.s3.path-style",
          "blob.s3.spool-dir",
          "blob.s3.prefix",
          "blob.s3.access-key-file",
          "blob.s3.secret-key-file");

  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern PREFIX = Pattern.compile("([a-z0-9_-][a-z0-9._-]*/?)*");

  public S3BlobStoreConfig {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    Objects.requireNonNull(accessKey, "accessKey");
    Objects.requireNonNull(secretKey, "secretKey");
    Objects.requireNonNull(spoolDirectory, "spoolDirectory");
  }

  static S3BlobStoreConfig read(SettingsReader settings) {
    Optional<URI> endpoint = settings.optionalHttpUrl("blob.s3.endpoint");
    String region = settings.requiredString("blob.s3.region", "to the region of the bucket");
    String bucket = settings.requiredString("blob.s3.bucket", "when blob.store is s3");
    if (!bucket.isEmpty() && !BUCKET.matcher(bucket).matches()) {
      settings.problem(
          "blob.s3.bucket",
          "\"" + bucket + "\" is not valid: expected an S3 bucket name, 3 to 63 of a-z 0-9 . -");
    }
    String prefix = settings.optionalString("blob.s3.prefix").orElse("");
    if (!PREFIX.matcher(prefix).matches()) {
      settings.problem(
          "blob.s3.prefix",
          "\""
              + prefix
              + "\" is not valid: expected /-separated segments of a-z 0-9 . _ - such as cairn/prod/");
    } else if (!prefix.isEmpty() && !prefix.endsWith("/")) {
      prefix = prefix + "/";
    }
    Optional<Secret> accessKey = settings.secret("blob.s3.access-key", "blob.s3.access-key-file");
    Optional<Secret> secretKey = settings.secret("blob.s3.secret-key", "blob.s3.secret-key-file");
    if (accessKey.isPresent() != secretKey.isPresent()) {
      settings.problem(
          accessKey.isPresent() ? "blob.s3.secret-key" : "blob.s3.access-key",
          "the S3 access key and secret key must be set together (CAIRN_BLOB_S3_ACCESS_KEY and"
              + " CAIRN_BLOB_S3_SECRET_KEY, or the *-file keys), or both left unset to use the"
              + " AWS default credentials");
    }
    return new S3BlobStoreConfig(
        endpoint,
        region,
        bucket,
        prefix,
        settings.bool("blob.s3.path-style"),
        accessKey,
        secretKey,
        settings.path("blob.s3.spool-dir"));
  }
}
