package io.cairn.blob;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@link BlobStore#stat} knows about a stored blob.
 *
 * @param key the content key
 * @param sizeBytes its size in bytes
 * @param lastModified when it was last written, as the backend reports it (a second occurrence of
 *     the same content may or may not refresh it); housekeeping uses it for grace periods
 */
public record BlobInfo(BlobKey key, long sizeBytes, Instant lastModified) {
  public BlobInfo {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(lastModified, "lastModified");
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("sizeBytes must be >= 0, was " + sizeBytes);
    }
  }
}
