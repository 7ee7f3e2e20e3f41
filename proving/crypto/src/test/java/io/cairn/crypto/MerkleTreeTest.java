package io.cairn.crypto;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

  private static final Hasher H = Keccak256.INSTANCE;
  private final MerkleVerifier verifier = new MerkleVerifier(H);

  private static byte[] randomLeaves(Random random, int count) {
    byte[] leaves = new byte[count * 32];
    random.nextBytes(leaves);
    return leaves;
  }

  /** The slow oracle: hash pairs level by level with fresh arrays. */
  private static Digest naiveRoot(byte[] leaves) {
    List<byte[]> level = new ArrayList<>();
    for (int i = 0; i < leaves.length / 32; i++) {
      level.add(Arrays.copyOfRange(leaves, i * 32, i * 32 + 32));
    }
    while (level.size() > 1) {
      List<byte[]> next = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        byte[] pair = new byte[64];
        System.arraycopy(level.get(i), 0, pair, 0, 32);
        System.arraycopy(level.get(i + 1), 0, pair, 32, 32);
        next.add(H.hash(pair).toBytes());
      }
      level = next;
    }
    return Digest.of(level.get(0));
  }

  @Test
  void rootMatchesNaiveTreeForAllSmallSizesAndAParallelOne() {
    Random random = new Random(1);
    for (int log = 0; log <= 12; log++) {
      byte[] leaves = randomLeaves(random, 1 << log);
      assertEquals(naiveRoot(leaves), MerkleTree.build(H, leaves).root(), "log " + log);
    }
  }

  @Test
  void batchOpeningsVerifyForRandomIndexSets() {
    Random random = new Random(2);
    for (int log = 0; log <= 8; log++) {
      byte[] leaves = randomLeaves(random, 1 << log);
      MerkleTree tree = MerkleTree.build(H, leaves);
      for (int trial = 0; trial < 20; trial++) {
        int[] indices =
            random.ints(1 + random.nextInt(6), 0, 1 << log).sorted().distinct().toArray();
        BatchOpening opening = tree.open(indices);
        List<Digest> claimed = Arrays.stream(indices).mapToObj(tree::leaf).toList();
        int depth = log;
        assertDoesNotThrow(() -> verifier.verify(tree.root(), depth, indices, claimed, opening));
      }
    }
  }

  @Test
  void adjacentLeavesShareTheirPath() {
    MerkleTree tree = MerkleTree.build(H, randomLeaves(new Random(3), 16));
    assertEquals(3, tree.open(new int[] {4, 5}).siblings().size());
    assertEquals(4, tree.open(new int[] {4}).siblings().size());
  }

  @Test
  void wrongLeafWrongSiblingAndWrongShapeAreRejected() {
    MerkleTree tree = MerkleTree.build(H, randomLeaves(new Random(4), 64));
    int[] indices = {3, 17, 40};
    BatchOpening opening = tree.open(indices);
    List<Digest> leaves = Arrays.stream(indices).mapToObj(tree::leaf).toList();
    Digest root = tree.root();

    List<Digest> wrongLeaves = new ArrayList<>(leaves);
    wrongLeaves.set(1, tree.leaf(18));
    assertThrows(
        MerkleProofException.class, () -> verifier.verify(root, 6, indices, wrongLeaves, opening));

    List<Digest> wrongSiblings = new ArrayList<>(opening.siblings());
    wrongSiblings.set(2, tree.leaf(0));
    assertThrows(
        MerkleProofException.class,
        () -> verifier.verify(root, 6, indices, leaves, new BatchOpening(wrongSiblings)));

    List<Digest> fewer = opening.siblings().subList(0, opening.siblings().size() - 1);
    assertThrows(
        MerkleProofException.class,
        () -> verifier.verify(root, 6, indices, leaves, new BatchOpening(fewer)));

    List<Digest> more = new ArrayList<>(opening.siblings());
    more.add(root);
    assertThrows(
        MerkleProofException.class,
        () -> verifier.verify(root, 6, indices, leaves, new BatchOpening(more)));

    assertThrows(
        MerkleProofException.class,
        () -> verifier.verify(root, 6, new int[] {17, 3, 40}, leaves, opening));
    assertThrows(
        MerkleProofException.class,
        () -> verifier.verify(root, 6, new int[] {3, 17, 64}, leaves, opening));
  }
}
