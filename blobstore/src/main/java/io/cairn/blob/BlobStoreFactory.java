package io.cairn.blob;

import io.cairn.config.BlobStoreConfig;
import io.cairn.config.LocalBlobStoreConfig;
import io.cairn.config.S3BlobStoreConfig;
import io.cairn.config.Secret;
import java.util.Objects;

/**
 * Opens the {@link BlobStore} that the configuration ({@code blob.*} keys) describes. Processes
 * call this once at start and share the store.
 */
public final class BlobStoreFactory {
  private BlobStoreFactory() {}

  /**
   * Opens the configured store: a {@link LocalDirectoryBlobStore} or an {@link S3BlobStore}.
   *
   * @throws BlobStoreException if the store cannot be reached or used (directory not writable,
   *     bucket missing, credentials refused); the message says which
   */
  public static BlobStore open(BlobStoreConfig config) {
    Objects.requireNonNull(config, "config");
    return switch (config) {
      case LocalBlobStoreConfig local -> LocalDirectoryBlobStore.open(local.directory());
      case S3BlobStoreConfig s3 -> S3BlobStore.open(settingsOf(s3));
    };
  }

  static S3BlobStoreSettings settingsOf(S3BlobStoreConfig config) {
    var credentials =
        config
            .accessKey()
            .flatMap(
                accessKey ->
                    config
                        .secretKey()
                        .map(Secret::reveal)
                        .map(
                            secretKey ->
                                new S3BlobStoreSettings.StaticCredentials(
                                    accessKey.reveal(), secretKey)));
    return new S3BlobStoreSettings(
        config.endpoint(),
        config.region(),
        config.bucket(),
        config.keyPrefix(),
        config.pathStyle(),
        credentials,
        config.spoolDirectory());
  }
}
