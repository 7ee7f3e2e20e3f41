package io.cairn.crypto;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable {@value Hasher#DIGEST_BYTES}-byte hash output: a Merkle root, a Merkle node or a
 * transcript state. Compared by value.
 */
public final class Digest {

  private final byte[] bytes;

  private Digest(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies {@value Hasher#DIGEST_BYTES} bytes of {@code source} starting at {@code offset}. */
  public static Digest copyOf(byte[] source, int offset) {
    return new Digest(Arrays.copyOfRange(source, offset, offset + Hasher.DIGEST_BYTES));
  }

  /** Copies a {@value Hasher#DIGEST_BYTES}-byte array. */
  public static Digest of(byte[] bytes) {
    if (bytes.length != Hasher.DIGEST_BYTES) {
      throw new IllegalArgumentException("a digest has 32 bytes, got " + bytes.length);
    }
    return new Digest(bytes.clone());
  }

  /** Takes ownership of {@code bytes} without copying; callers must not modify it afterwards. */
  static Digest wrap(byte[] bytes) {
    return new Digest(bytes);
  }

  /** Returns a copy of the digest bytes. */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /** Writes the digest bytes into {@code out} at {@code offset}. */
  public void writeTo(byte[] out, int offset) {
    System.arraycopy(bytes, 0, out, offset, Hasher.DIGEST_BYTES);
  }

  /** Returns true when the bytes at {@code source[offset..offset+32)} equal this digest. */
  public boolean matches(byte[] source, int offset) {
    return Arrays.equals(
        bytes, 0, Hasher.DIGEST_BYTES, source, offset, offset + Hasher.DIGEST_BYTES);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Digest d && Arrays.equals(bytes, d.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
