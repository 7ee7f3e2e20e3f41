package io.cairn.crypto;

import java.nio.ByteBuffer;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * Proof-of-work grinding: a nonce whose hash, bound to the transcript state, starts with a given
 * number of zero bits. Grinding makes every attempt to re-roll the query positions cost {@code
 * 2^bits} hashes, which adds {@code bits} to the conjectured security.
 *
 * <p>{@code seed = H(0x03 ‖ state ‖ u8 bits)}; a nonce is valid when {@code H(seed ‖ u64 nonce)}
 * has at least {@code bits} leading zero bits (big-endian bit order). {@link #solve} returns the
 * smallest valid nonce, so it is deterministic although it searches in parallel.
 */
public final class ProofOfWork {

  private static final int CHUNK = 1 << 12;

  private final Hasher hasher;
  private final byte[] seed = new byte[Hasher.DIGEST_BYTES];
  private final int bits;

  /** The puzzle for transcript state {@code state} at difficulty {@code bits} (0..64). */
  public ProofOfWork(Hasher hasher, Digest state, int bits) {
    if (bits < 0 || bits > 64) {
      throw new IllegalArgumentException("grinding bits must be in 0..64: " + bits);
    }
    this.hasher = hasher;
    this.bits = bits;
    byte[] input =
        ByteBuffer.allocate(1 + Hasher.DIGEST_BYTES + 1)
            .put(Transcript.TAG_PROOF_OF_WORK)
            .put(state.toBytes())
            .put((byte) bits)
            .array();
    hasher.hash(input, 0, input.length, seed, 0);
  }

  /** Finds the smallest valid nonce, searching chunks of nonces in parallel. */
  public long solve() {
    for (long start = 0; ; start += CHUNK * 8L) {
      long base = start;
      OptionalLong found =
          IntStream.range(0, 8)
              .parallel()
              .mapToObj(
                  c ->
                      LongStream.range(base + (long) c * CHUNK, base + (long) (c + 1) * CHUNK)
                          .filter(this::isValid)
                          .findFirst())
              .filter(OptionalLong::isPresent)
              .mapToLong(OptionalLong::getAsLong)
              .min();
      if (found.isPresent()) {
        return found.getAsLong();
      }
    }
  }

  /** True when {@code nonce} solves the puzzle. */
  public boolean isValid(long nonce) {
    byte[] input = new byte[Hasher.DIGEST_BYTES + Long.BYTES];
    System.arraycopy(seed, 0, input, 0, Hasher.DIGEST_BYTES);
    ByteBuffer.wrap(input, Hasher.DIGEST_BYTES, Long.BYTES).putLong(nonce);
    byte[] out = new byte[Hasher.DIGEST_BYTES];
    hasher.hash(input, 0, input.length, out, 0);
    return leadingZeroBits(out) >= bits;
  }

  static int leadingZeroBits(byte[] digest) {
    int zeros = 0;
    for (byte b : digest) {
      if (b != 0) {
        return zeros + Integer.numberOfLeadingZeros(b & 0xff) - 24;
      }
      zeros += 8;
    }
    return zeros;
  }
}
