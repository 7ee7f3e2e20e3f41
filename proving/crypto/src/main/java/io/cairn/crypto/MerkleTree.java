package io.cairn.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A binary Merkle tree over a power-of-two number of leaf digests, with batch openings.
 *
 * <p>Nodes are stored in one flat array in heap order: the root is node 1, node {@code i} has
 * children {@code 2i} and {@code 2i+1}, and leaf {@code j} is node {@code n + j}. A parent is
 * {@link Hasher#merge} of its two children. Large levels are hashed in parallel. {@link
 * MerkleVerifier} is the mirror that checks what {@link #open} produces.
 */
public final class MerkleTree {

  private static final int PARALLEL_THRESHOLD = 1 << 10;
  private static final int D = Hasher.DIGEST_BYTES;

  private final int leafCount;
  private final byte[] nodes;

  private MerkleTree(int leafCount, byte[] nodes) {
    this.leafCount = leafCount;
    this.nodes = nodes;
  }

  /**
   * Builds the tree over {@code leafDigests}, {@code leafCount * 32} bytes of concatenated leaf
   * digests; {@code leafCount} must be a power of two.
   */
  public static MerkleTree build(Hasher hasher, byte[] leafDigests) {
    int leafCount = leafDigests.length / D;
    if (leafCount == 0 || Integer.bitCount(leafCount) != 1 || leafCount * D != leafDigests.length) {
      throw new IllegalArgumentException("leaf count must be a power of two, got " + leafCount);
    }
    byte[] nodes = new byte[2 * leafCount * D];
    System.arraycopy(leafDigests, 0, nodes, leafCount * D, leafDigests.length);
    for (int levelStart = leafCount / 2; levelStart >= 1; levelStart /= 2) {
      int start = levelStart;
      IntStream range = IntStream.range(start, 2 * start);
      if (start >= PARALLEL_THRESHOLD) {
        range = range.parallel();
      }
      range.forEach(i -> hasher.merge(nodes, 2 * i * D, nodes, i * D));
    }
    return new MerkleTree(leafCount, nodes);
  }

  /** The number of leaves. */
  public int leafCount() {
    return leafCount;
  }

  /** The tree depth: log2 of the leaf count. */
  public int depth() {
    return Integer.numberOfTrailingZeros(leafCount);
  }

  /** The root digest, the commitment. */
  public Digest root() {
    return Digest.copyOf(nodes, D);
  }

  /** The digest of leaf {@code index}. */
  public Digest leaf(int index) {
    return Digest.copyOf(nodes, (leafCount + index) * D);
  }

  /**
   * Opens the leaves at {@code indices}, which must be strictly increasing and in range: returns
   * the minimal set of sibling nodes, ordered level by level from the leaves up and left to right
   * within a level, from which {@link MerkleVerifier} recomputes the root.
   */
  public BatchOpening open(int[] indices) {
    MerkleVerifier.checkIndices(indices, leafCount);
    List<Digest> siblings = new ArrayList<>();
    int[] positions = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      positions[i] = leafCount + indices[i];
    }
    int count = positions.length;
    while (positions[0] > 1) {
      int parents = 0;
      for (int i = 0; i < count; i++) {
        int p = positions[i];
        if (i + 1 < count && positions[i + 1] == (p ^ 1)) {
          i++;
        } else {
          siblings.add(Digest.copyOf(nodes, (p ^ 1) * D));
        }
        positions[parents++] = p >>> 1;
      }
      count = parents;
    }
    return new BatchOpening(siblings);
  }
}
