package io.cairn.blob;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The address of a blob: the lower-case hex SHA-256 of its content, optionally preceded by a
 * namespace and a slash, as in {@code proofs/9f86d081…}.
 *
 * <p>The grammar is closed so that a key is always safe to use as a file path or object name: a
 * namespace is 1 to 32 characters of {@code a-z}, {@code 0-9} and {@code -}, starting with a letter
 * or digit; the hash is exactly 64 characters of {@code 0-9a-f}. Nothing else (no {@code ..}, no
 * second slash, no upper case, no spaces) is accepted, so keys read back from a database or an HTTP
 * request cannot escape the store.
 *
 * @param namespace the namespace, or {@link #NO_NAMESPACE}
 * @param sha256Hex the content hash, 64 lower-case hex digits
 */
public record BlobKey(String namespace, String sha256Hex) {
  /** The namespace of keys that have none. */
  public static final String NO_NAMESPACE = "";

  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  /**
   * Validates both parts.
   *
   * @throws InvalidBlobKeyException if either part breaks the grammar above
   */
  public BlobKey {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(sha256Hex, "sha256Hex");
    requireValidNamespace(namespace);
    if (!SHA256_HEX.matcher(sha256Hex).matches()) {
      throw new InvalidBlobKeyException(
          "'"
              + printable(sha256Hex)
              + "' is not a content hash: expected 64 lower-case hex digits (a SHA-256)");
    }
  }

  /** A key without a namespace. */
  public static BlobKey ofSha256(String sha256Hex) {
    return new BlobKey(NO_NAMESPACE, sha256Hex);
  }

  /**
   * Parses the form {@link #toString()} writes: {@code <sha256>} or {@code <namespace>/<sha256>}.
   *
   * @throws InvalidBlobKeyException if {@code text} is not such a key
   */
  public static BlobKey parse(String text) {
    Objects.requireNonNull(text, "text");
    int slash = text.indexOf('/');
    if (slash < 0) {
      return ofSha256(text);
    }
    if (text.indexOf('/', slash + 1) >= 0) {
      throw new InvalidBlobKeyException(
          "'" + printable(text) + "' is not a blob key: expected at most one '/'");
    }
    if (slash == 0) {
      throw new InvalidBlobKeyException(
          "'" + printable(text) + "' is not a blob key: expected a namespace before the '/'");
    }
    return new BlobKey(text.substring(0, slash), text.substring(slash + 1));
  }

  /**
   * Checks a namespace on its own, as {@link BlobStore#put(String, java.io.InputStream, long)} does
   * before reading any data.
   *
   * @throws InvalidBlobKeyException if it is neither empty nor a valid namespace
   */
  public static void requireValidNamespace(String namespace) {
    Objects.requireNonNull(namespace, "namespace");
    if (!namespace.isEmpty() && !NAMESPACE.matcher(namespace).matches()) {
      throw new InvalidBlobKeyException(
          "'"
              + printable(namespace)
              + "' is not a blob namespace: expected 1 to 32 characters of a-z, 0-9 and '-',"
              + " starting with a letter or digit");
    }
  }

  /** Whether this key has a namespace. */
  public boolean hasNamespace() {
    return !namespace.isEmpty();
  }

  /** {@code <sha256>} or {@code <namespace>/<sha256>}; {@link #parse} reads it back. */
  @Override
  public String toString() {
    return hasNamespace() ? namespace + "/" + sha256Hex : sha256Hex;
  }

  private static String printable(String text) {
    String shortened = text.length() > 80 ? text.substring(0, 80) + "…" : text;
    return shortened.replaceAll("\\p{Cntrl}", "?");
  }
}
