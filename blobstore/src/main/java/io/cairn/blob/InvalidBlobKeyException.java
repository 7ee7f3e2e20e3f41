package io.cairn.blob;

/**
 * A string that was meant to be a {@link BlobKey} or a namespace breaks the key grammar, for
 * example {@code ../etc/passwd}. The message says what was expected.
 */
public final class InvalidBlobKeyException extends IllegalArgumentException {
  public InvalidBlobKeyException(String message) {
    super(message);
  }
}
