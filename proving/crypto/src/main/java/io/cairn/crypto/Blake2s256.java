package io.cairn.crypto;

import org.bouncycastle.crypto.digests.Blake2sDigest;

/**
 * BLAKE2s-256 (RFC 7693), backed by BouncyCastle's {@link Blake2sDigest}: an alternative {@link
 * Hasher} to benchmark against {@link Keccak256}. Not the protocol default.
 */
public final class Blake2s256 implements Hasher {

  /** The shared instance; the class holds no state besides per-thread digests. */
  public static final Blake2s256 INSTANCE = new Blake2s256();

  private static final ThreadLocal<Blake2sDigest> DIGEST =
      ThreadLocal.withInitial(() -> new Blake2sDigest(256));

  private Blake2s256() {}

  @Override
  public String name() {
    return "blake2s256";
  }

  @Override
  public void hash(byte[] input, int offset, int length, byte[] out, int outOffset) {
    Blake2sDigest digest = DIGEST.get();
    digest.update(input, offset, length);
    digest.doFinal(out, outOffset);
  }
}
