package io.cairn.blob;

/**
 * A blob store operation failed. This class itself means the store or its backend failed (disk
 * full, permission denied, S3 unreachable); the subclasses name the failures a caller handles
 * differently: {@link BlobNotFoundException}, {@link BlobTooLargeException}, {@link
 * BlobSourceException}.
 */
public class BlobStoreException extends RuntimeException {
  public BlobStoreException(String message) {
    super(message);
  }

  public BlobStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
