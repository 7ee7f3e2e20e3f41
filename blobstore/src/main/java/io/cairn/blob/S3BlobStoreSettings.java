package io.cairn.blob;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and how an {@link S3BlobStore} connects: any S3-compatible service (AWS S3, MinIO, Ceph,
 * Garage, S3Proxy).
 *
 * @param endpoint the service's base URL, e.g. {@code https://minio.internal:9000}; empty for AWS
 *     S3 in {@code region}
 * @param region the region requests are signed for; S3-compatible services mostly accept {@code
 *     us-east-1}
 * @param bucket the bucket holding the blobs; it must exist
 * @param keyPrefix a prefix for every object key, so several deployments can share a bucket: {@code
 *     ""} or path segments of {@code a-z 0-9 . _ -} ending in {@code /}, e.g. {@code cairn/};
 *     {@link #normalizePrefix} adds a missing slash
 * @param pathStyle address buckets as {@code endpoint/bucket/key} instead of {@code
 *     bucket.endpoint/key}; most self-hosted services need it
 * @param credentials a fixed access key, or empty to use the AWS SDK's default chain (environment,
 *     profile, instance role)
 * @param spoolDirectory local directory for the temporary copy of each upload, made while it is
 *     hashed; needs room for the largest blob times the number of concurrent uploads
 */
public record S3BlobStoreSettings(
    Optional<URI> endpoint,
    String region,
    String bucket,
    String keyPrefix,
    boolean pathStyle,
    Optional<StaticCredentials> credentials,
    Path spoolDirectory) {

  private static final Pattern PREFIX = Pattern.compile("([a-z0-9_-][a-z0-9._-]*/)*");
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  /**
   * Validates every field.
   *
   * @throws IllegalArgumentException naming the field that is wrong
   */
  public S3BlobStoreSettings {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(spoolDirectory, "spoolDirectory");
    keyPrefix = normalizePrefix(keyPrefix);
    if (region.isBlank()) {
      throw new IllegalArgumentException("region must not be blank");
    }
    if (!BUCKET.matcher(bucket).matches()) {
      throw new IllegalArgumentException(
          "bucket '" + bucket + "' is not a valid S3 bucket name (3-63 of a-z 0-9 . -)");
    }
    if (!PREFIX.matcher(keyPrefix).matches()) {
      throw new IllegalArgumentException(
          "keyPrefix '"
              + keyPrefix
              + "' must be empty or '/'-separated segments of a-z 0-9 . _ - (not starting with '.')");
    }
    endpoint.ifPresent(
        uri -> {
          if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException(
                "endpoint '" + uri + "' must be an http:// or https:// URL");
          }
        });
  }

  /** {@code prefix} with a trailing slash added if it is not empty and has none. */
  public static String normalizePrefix(String prefix) {
    return prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
  }

  /**
   * A fixed access key pair. {@link #toString()} does not print the secret.
   *
   * @param accessKeyId the access key id
   * @param secretAccessKey the secret access key
   */
  public record StaticCredentials(String accessKeyId, String secretAccessKey) {
    public StaticCredentials {
      Objects.requireNonNull(accessKeyId, "accessKeyId");
      Objects.requireNonNull(secretAccessKey, "secretAccessKey");
      if (accessKeyId.isBlank() || secretAccessKey.isBlank()) {
        throw new IllegalArgumentException("accessKeyId and secretAccessKey must not be blank");
      }
    }

    @Override
    public String toString() {
      return "StaticCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=***]";
    }
  }
}
