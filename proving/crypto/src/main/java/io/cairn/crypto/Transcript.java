package io.cairn.crypto;

import io.cairn.math.Felt;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The Fiat–Shamir transcript: a 32-byte hash state that absorbs everything the prover sends and
 * from which every verifier challenge is squeezed, so prover and verifier derive the same
 * challenges from the same messages.
 *
 * <p>Domain separation (docs/protocol.md, "Transcript"): every hash input starts with a one-byte
 * tag, so an absorb can never collide with a squeeze or a proof-of-work seed.
 *
 * <ul>
 *   <li>start: {@code state = H(0x00 ‖ protocol label)}
 *   <li>absorb: {@code state = H(0x01 ‖ state ‖ u32 len(label) ‖ label ‖ u32 len(data) ‖ data)},
 *       and the squeeze counter resets to 0
 *   <li>squeeze: {@code block = H(0x02 ‖ state ‖ u64 counter)}, then {@code counter += 1}
 * </ul>
 *
 * <p>Integers are big-endian. The state ({@link #snapshot}) is 40 bytes, so a prover can stop after
 * any round and resume with an identical transcript.
 */
public final class Transcript {

  static final byte TAG_START = 0x00;
  static final byte TAG_ABSORB = 0x01;
  static final byte TAG_SQUEEZE = 0x02;
  static final byte TAG_PROOF_OF_WORK = 0x03;

  private final Hasher hasher;
  private final byte[] state = new byte[Hasher.DIGEST_BYTES];
  private long counter;

  /** A fresh transcript for the protocol named {@code protocolLabel}. */
  public Transcript(Hasher hasher, String protocolLabel) {
    this.hasher = hasher;
    byte[] label = protocolLabel.getBytes(StandardCharsets.UTF_8);
    byte[] input = new byte[1 + label.length];
    input[0] = TAG_START;
    System.arraycopy(label, 0, input, 1, label.length);
    hasher.hash(input, 0, input.length, state, 0);
  }

  private Transcript(Hasher hasher, byte[] snapshot) {
    this.hasher = hasher;
    if (snapshot.length != Hasher.DIGEST_BYTES + Long.BYTES) {
      throw new IllegalArgumentException("a transcript snapshot has 40 bytes");
    }
    System.arraycopy(snapshot, 0, state, 0, Hasher.DIGEST_BYTES);
    this.counter = ByteBuffer.wrap(snapshot, Hasher.DIGEST_BYTES, Long.BYTES).getLong();
  }

  /** Restores a transcript from a {@link #snapshot}. */
  public static Transcript restore(Hasher hasher, byte[] snapshot) {
    return new Transcript(hasher, snapshot);
  }

  /** The hash this transcript uses. */
  public Hasher hasher() {
    return hasher;
  }

  /** The serialised state: 32 state bytes then the u64 squeeze counter. */
  public byte[] snapshot() {
    return ByteBuffer.allocate(Hasher.DIGEST_BYTES + Long.BYTES)
        .put(state)
        .putLong(counter)
        .array();
  }

  /** The current 32-byte state, e.g. as the proof-of-work seed. */
  public Digest state() {
    return Digest.of(state);
  }

  /** Absorbs {@code data} under {@code label}. */
  public void absorb(String label, byte[] data) {
    byte[] labelBytes = label.getBytes(StandardCharsets.UTF_8);
    ByteBuffer input =
        ByteBuffer.allocate(1 + Hasher.DIGEST_BYTES + 4 + labelBytes.length + 4 + data.length);
    input.put(TAG_ABSORB).put(state).putInt(labelBytes.length).put(labelBytes);
    input.putInt(data.length).put(data);
    hasher.hash(input.array(), 0, input.capacity(), state, 0);
    counter = 0;
  }

  /** Absorbs a digest (a commitment) under {@code label}. */
  public void absorb(String label, Digest digest) {
    absorb(label, digest.toBytes());
  }

  /** Absorbs a u64 under {@code label}. */
  public void absorbLong(String label, long value) {
    absorb(label, ByteBuffer.allocate(Long.BYTES).putLong(value).array());
  }

  /** Absorbs field elements, each as its canonical 32-byte big-endian encoding. */
  public void absorbFelts(String label, List<Felt> values) {
    byte[] data = new byte[values.size() * Felt.BYTES];
    for (int i = 0; i < values.size(); i++) {
      values.get(i).writeBytesBE(data, i * Felt.BYTES);
    }
    absorb(label, data);
  }

  /**
   * Samples a field element uniformly: squeezes a block, keeps its low 252 bits and retries until
   * the value is below p (rejection sampling, so the result is unbiased; about half the blocks are
   * accepted since p is just above 2^251).
   */
  public Felt sampleFelt() {
    while (true) {
      byte[] block = squeeze();
      block[0] &= 0x0f;
      if (new BigInteger(1, block).compareTo(Felt.MODULUS) < 0) {
        return Felt.fromBytesBE(block, 0);
      }
    }
  }

  /** Samples {@code count} independent field elements. */
  public Felt[] sampleFelts(int count) {
    Felt[] out = new Felt[count];
    for (int i = 0; i < count; i++) {
      out[i] = sampleFelt();
    }
    return out;
  }

  /** Squeezes the next 32 pseudo-random bytes. */
  public byte[] squeeze() {
    byte[] input =
        ByteBuffer.allocate(1 + Hasher.DIGEST_BYTES + Long.BYTES)
            .put(TAG_SQUEEZE)
            .put(state)
            .putLong(counter++)
            .array();
    byte[] out = new byte[Hasher.DIGEST_BYTES];
    hasher.hash(input, 0, input.length, out, 0);
    return out;
  }

  /**
   * Samples an index uniformly in {@code [0, domainSize)}; {@code domainSize} must be a power of
   * two, so masking the low bits of a squeezed block is unbiased.
   */
  public int sampleIndex(int domainSize) {
    if (domainSize <= 0 || Integer.bitCount(domainSize) != 1) {
      throw new IllegalArgumentException("domain size must be a power of two: " + domainSize);
    }
    byte[] block = squeeze();
    long value = ByteBuffer.wrap(block, Hasher.DIGEST_BYTES - Long.BYTES, Long.BYTES).getLong();
    return (int) (value & (domainSize - 1));
  }

  /**
   * Samples {@code count} indices in {@code [0, domainSize)} and returns the distinct ones in
   * increasing order (repeats are dropped, not resampled, so the count may be smaller).
   */
  public int[] sampleDistinctIndices(int count, int domainSize) {
    int[] indices = new int[count];
    for (int i = 0; i < count; i++) {
      indices[i] = sampleIndex(domainSize);
    }
    return Arrays.stream(indices).sorted().distinct().toArray();
  }
}
