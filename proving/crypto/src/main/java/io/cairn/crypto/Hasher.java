package io.cairn.crypto;

/**
 * A 32-byte cryptographic hash function, the one primitive that Merkle trees, the Fiat–Shamir
 * transcript and proof-of-work are built on.
 *
 * <p>Implementations must be thread-safe: the prover hashes Merkle leaves from several threads at
 * once. Keeping the hash behind this interface lets another function (Blake2s, Poseidon) be
 * benchmarked and chosen later without touching the protocol code.
 */
public interface Hasher {

  /** Length in bytes of every digest this interface produces. */
  int DIGEST_BYTES = 32;

  /** A stable name for the function, absorbed into transcripts and printed in benchmarks. */
  String name();

  /**
   * Hashes {@code length} bytes of {@code input} starting at {@code offset} and writes the {@value
   * #DIGEST_BYTES}-byte digest into {@code out} at {@code outOffset}.
   */
  void hash(byte[] input, int offset, int length, byte[] out, int outOffset);

  /** Hashes a whole array and returns the digest. */
  default Digest hash(byte[] input) {
    byte[] out = new byte[DIGEST_BYTES];
    hash(input, 0, input.length, out, 0);
    return Digest.wrap(out);
  }

  /**
   * Hashes the 64 bytes at {@code nodes[offset..offset+64)} (two concatenated child digests) into
   * {@code out} at {@code outOffset}; the Merkle parent function.
   */
  default void merge(byte[] nodes, int offset, byte[] out, int outOffset) {
    hash(nodes, offset, 2 * DIGEST_BYTES, out, outOffset);
  }
}
