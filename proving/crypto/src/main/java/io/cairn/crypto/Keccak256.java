package io.cairn.crypto;

import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Keccak-256 with the original Keccak padding (as in Ethereum and StarkWare's provers), backed by
 * BouncyCastle's {@link KeccakDigest}.
 *
 * <p>This is deliberately not the JDK's {@code SHA3-256}, which pads differently and so produces
 * different digests. {@link KeccakDigest} is stateful, so each thread keeps its own instance.
 */
public final class Keccak256 implements Hasher {

  /** The shared instance; the class holds no state besides per-thread digests. */
  public static final Keccak256 INSTANCE = new Keccak256();

  private static final ThreadLocal<KeccakDigest> DIGEST =
      ThreadLocal.withInitial(() -> new KeccakDigest(256));

  private Keccak256() {}

  @Override
  public String name() {
    return "keccak256";
  }

  @Override
  public void hash(byte[] input, int offset, int length, byte[] out, int outOffset) {
    KeccakDigest digest = DIGEST.get();
    digest.update(input, offset, length);
    digest.doFinal(out, outOffset);
  }
}
