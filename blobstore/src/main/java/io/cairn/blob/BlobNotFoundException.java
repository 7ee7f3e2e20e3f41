package io.cairn.blob;

import java.util.Objects;

/** There is no blob with the requested key. */
public final class BlobNotFoundException extends BlobStoreException {
  private final transient BlobKey key;

  public BlobNotFoundException(BlobKey key) {
    super("no blob with key " + Objects.requireNonNull(key, "key"));
    this.key = key;
  }

  /** The key that was asked for. */
  public BlobKey key() {
    return key;
  }
}
