package io.cairn.crypto;

import java.util.List;

/**
 * Checks {@link BatchOpening}s against a Merkle root; the mirror of {@link MerkleTree}.
 *
 * <p>The verifier walks the same levels as {@link MerkleTree#open}: at each level a known node
 * whose sibling is also known is combined with it, otherwise the next opening node is taken as its
 * sibling. Every opening node must be consumed and the walk must end at the root.
 */
public final class MerkleVerifier {

  private static final int D = Hasher.DIGEST_BYTES;

  private final Hasher hasher;

  /** A verifier hashing with {@code hasher}, which must be the tree's. */
  public MerkleVerifier(Hasher hasher) {
    this.hasher = hasher;
  }

  /**
   * Checks that {@code leaves[i]} is the digest of leaf {@code indices[i]} of a tree of {@code
   * 2^depth} leaves with root {@code root}.
   *
   * @throws MerkleProofException if the indices are not strictly increasing and in range, the
   *     opening has too few or too many nodes, or the recomputed root differs
   */
  public void verify(
      Digest root, int depth, int[] indices, List<Digest> leaves, BatchOpening opening)
      throws MerkleProofException {
    if (depth < 0 || depth > 30) {
      throw new MerkleProofException("tree depth out of range: " + depth);
    }
    int leafCount = 1 << depth;
    if (indices.length == 0 || indices.length != leaves.size()) {
      throw new MerkleProofException("need one leaf digest per index");
    }
    try {
      checkIndices(indices, leafCount);
    } catch (IllegalArgumentException e) {
      throw new MerkleProofException(e.getMessage());
    }
    int count = indices.length;
    int[] positions = new int[count];
    byte[] known = new byte[count * D];
    for (int i = 0; i < count; i++) {
      positions[i] = leafCount + indices[i];
      leaves.get(i).writeTo(known, i * D);
    }
    List<Digest> siblings = opening.siblings();
    int next = 0;
    byte[] pair = new byte[2 * D];
    while (positions[0] > 1) {
      int parents = 0;
      for (int i = 0; i < count; i++) {
        int p = positions[i];
        if (i + 1 < count && positions[i + 1] == (p ^ 1)) {
          System.arraycopy(known, i * D, pair, 0, 2 * D);
          i++;
        } else {
          if (next == siblings.size()) {
            throw new MerkleProofException("opening has too few nodes");
          }
          Digest sibling = siblings.get(next++);
          int mine = (p & 1) * D;
          System.arraycopy(known, i * D, pair, mine, D);
          sibling.writeTo(pair, D - mine);
        }
        hasher.merge(pair, 0, known, parents * D);
        positions[parents++] = p >>> 1;
      }
      count = parents;
    }
    if (next != siblings.size()) {
      throw new MerkleProofException("opening has unused nodes");
    }
    if (!root.matches(known, 0)) {
      throw new MerkleProofException("recomputed root differs from the commitment");
    }
  }

  /** Requires {@code indices} strictly increasing, non-empty and below {@code leafCount}. */
  static void checkIndices(int[] indices, int leafCount) {
    if (indices.length == 0) {
      throw new IllegalArgumentException("no leaf to open");
    }
    for (int i = 0; i < indices.length; i++) {
      if (indices[i] < 0 || indices[i] >= leafCount) {
        throw new IllegalArgumentException("leaf index out of range: " + indices[i]);
      }
      if (i > 0 && indices[i] <= indices[i - 1]) {
        throw new IllegalArgumentException("leaf indices must be strictly increasing");
      }
    }
  }
}
