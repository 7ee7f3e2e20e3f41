package io.cairn.blob;

import java.io.IOException;

/**
 * Reading the data given to {@link BlobStore#put} failed (for example the uploading client
 * disconnected). The store itself is fine and nothing was stored; the cause is the source's {@link
 * IOException}.
 */
public final class BlobSourceException extends BlobStoreException {
  private final long bytesRead;

  public BlobSourceException(long bytesRead, IOException cause) {
    super("reading the blob data failed after " + bytesRead + " bytes; nothing was stored", cause);
    this.bytesRead = bytesRead;
  }

  /** How many bytes had been read before the failure. */
  public long bytesRead() {
    return bytesRead;
  }
}
