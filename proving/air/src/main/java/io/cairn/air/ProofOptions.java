package io.cairn.air;

import java.nio.ByteBuffer;

/**
 * The knobs that trade proof size and proving time for security: LDE blowup, number of FRI queries
 * and proof-of-work bits. They travel inside the proof, are absorbed into the transcript, and the
 * verifier refuses a proof whose {@link #conjecturedSecurityBits} fall below the minimum its caller
 * sets.
 *
 * <p>Use {@link #DEFAULT_128} (or {@link #PRESET_100} for benchmarks). Any other combination can be
 * built with the canonical constructor, e.g. cheap options for tests; such options are not insecure
 * by accident because the verifier computes their security and compares it with its caller's
 * minimum.
 *
 * @param blowupFactor LDE domain size over trace length, a power of two in 2..64
 * @param numQueries FRI query count, 1..255
 * @param grindingBits proof-of-work difficulty, 0..32
 */
public record ProofOptions(int blowupFactor, int numQueries, int grindingBits) {

  /** About 128 bits of conjectured security: blowup 4, 55 queries, 20 grinding bits. */
  public static final ProofOptions DEFAULT_128 = new ProofOptions(4, 55, 20);

  /** About 100 bits: blowup 4, 41 queries, 20 grinding bits; for benchmarks. */
  public static final ProofOptions PRESET_100 = new ProofOptions(4, 41, 20);

  /** Collision resistance of the 256-bit hash, the cap on any estimate. */
  public static final int HASH_SECURITY_BITS = 128;

  /** floor(log2 p) for the Stark252 field. */
  public static final int FIELD_BITS = 251;

  /** Validates the ranges. */
  public ProofOptions {
    if (blowupFactor < 2 || blowupFactor > 64 || Integer.bitCount(blowupFactor) != 1) {
      throw new IllegalArgumentException("blowup factor must be a power of two in 2..64");
    }
    if (numQueries < 1 || numQueries > 255) {
      throw new IllegalArgumentException("query count must be in 1..255");
    }
    if (grindingBits < 0 || grindingBits > 32) {
      throw new IllegalArgumentException("grinding bits must be in 0..32");
    }
  }

  /** log2 of the blowup factor. */
  public int logBlowup() {
    return Integer.numberOfTrailingZeros(blowupFactor);
  }

  /**
   * The conjectured security in bits for a trace of {@code 2^logTraceLength} rows (ethSTARK /
   * winterfell formula): {@code grinding + log2(blowup)·queries − 1}, capped by the hash's
   * collision resistance and by {@code FIELD_BITS − log2(LDE domain size)}.
   */
  public int conjecturedSecurityBits(int logTraceLength) {
    int queryBits = grindingBits + logBlowup() * numQueries - 1;
    int fieldBits = FIELD_BITS - (logTraceLength + logBlowup());
    return Math.max(0, Math.min(queryBits, Math.min(HASH_SECURITY_BITS, fieldBits)));
  }

  /** The canonical 3-byte encoding, used by the codec and absorbed into the transcript. */
  public byte[] toBytes() {
    return ByteBuffer.allocate(3)
        .put((byte) blowupFactor)
        .put((byte) numQueries)
        .put((byte) grindingBits)
        .array();
  }
}
