package io.cairn.blob;

/**
 * The data given to {@link BlobStore#put} was larger than the limit the caller set. Nothing was
 * stored. An HTTP upload handler answers 413 with {@link #maxBytes()} in the message.
 */
public final class BlobTooLargeException extends BlobStoreException {
  private final long maxBytes;

  public BlobTooLargeException(long maxBytes) {
    super("blob is larger than the limit of " + maxBytes + " bytes; nothing was stored");
    this.maxBytes = maxBytes;
  }

  /** The limit that was exceeded, in bytes. */
  public long maxBytes() {
    return maxBytes;
  }
}
