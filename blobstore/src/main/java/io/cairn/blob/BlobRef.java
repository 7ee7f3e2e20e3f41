package io.cairn.blob;

import java.util.Objects;

/**
 * What {@link BlobStore#put} returns: the key the blob was stored under and its exact size.
 *
 * @param key the content key
 * @param sizeBytes the number of bytes stored, at least 0
 */
public record BlobRef(BlobKey key, long sizeBytes) {
  public BlobRef {
    Objects.requireNonNull(key, "key");
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("sizeBytes must be >= 0, was " + sizeBytes);
    }
  }
}
