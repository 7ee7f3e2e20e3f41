package io.cairn.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Blobs as files in a local directory ({@code blob.store=local}).
 *
 * @param directory {@code blob.local.dir}; created if missing
 */
public record LocalBlobStoreConfig(Path directory) implements BlobStoreConfig {
  public LocalBlobStoreConfig {
    Objects.requireNonNull(directory, "directory");
  }
}
