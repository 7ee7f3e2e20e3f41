package io.cairn.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TranscriptTest {

  private static Transcript fresh() {
    Transcript t = new Transcript(Keccak256.INSTANCE, "test");
    t.absorb("public-input", new byte[] {1, 2, 3});
    return t;
  }

  @Test
  void sameMessagesGiveSameChallenges() {
    assertArrayEquals(fresh().squeeze(), fresh().squeeze());
  }

  @Test
  void labelsAndSplitsSeparateAbsorbs() {
    Transcript a = new Transcript(Keccak256.INSTANCE, "test");
    a.absorb("x", new byte[] {1, 2});
    Transcript b = new Transcript(Keccak256.INSTANCE, "test");
    b.absorb("x", new byte[] {1});
    b.absorb("x", new byte[] {2});
    Transcript c = new Transcript(Keccak256.INSTANCE, "test");
    c.absorb("y", new byte[] {1, 2});
    assertNotEquals(a.state(), b.state());
    assertNotEquals(a.state(), c.state());
  }

  @Test
  void successiveSqueezesDifferAndSnapshotResumesExactly() {
    Transcript t = fresh();
    byte[] first = t.squeeze();
    byte[] snapshot = t.snapshot();
    byte[] second = t.squeeze();
    assertFalse(java.util.Arrays.equals(first, second));
    Transcript resumed = Transcript.restore(Keccak256.INSTANCE, snapshot);
    assertArrayEquals(second, resumed.squeeze());
  }

  @Test
  void sampledIndicesAreDistinctSortedAndInRange() {
    int[] indices = fresh().sampleDistinctIndices(50, 64);
    for (int i = 0; i < indices.length; i++) {
      assertTrue(indices[i] >= 0 && indices[i] < 64);
      assertTrue(i == 0 || indices[i] > indices[i - 1]);
    }
  }

  @Test
  void proofOfWorkFindsTheSmallestNonceAndChecksBits() {
    Digest state = fresh().state();
    ProofOfWork pow = new ProofOfWork(Keccak256.INSTANCE, state, 10);
    long nonce = pow.solve();
    assertTrue(pow.isValid(nonce));
    for (long n = 0; n < nonce; n++) {
      assertFalse(pow.isValid(n));
    }
    assertEquals(nonce, new ProofOfWork(Keccak256.INSTANCE, state, 10).solve());
    assertEquals(8, ProofOfWork.leadingZeroBits(new byte[] {0, (byte) 0x80}));
  }

  @Test
  void sampledFeltsAreCanonicalDeterministicAndSpread() {
    Transcript a = fresh();
    Transcript b = fresh();
    java.util.Set<io.cairn.math.Felt> seen = new java.util.HashSet<>();
    boolean aboveHalf = false;
    for (int i = 0; i < 200; i++) {
      io.cairn.math.Felt x = a.sampleFelt();
      assertEquals(x, b.sampleFelt());
      assertTrue(x.toBigInteger().compareTo(io.cairn.math.Felt.MODULUS) < 0);
      aboveHalf |= x.toBigInteger().testBit(250);
      seen.add(x);
    }
    assertEquals(200, seen.size());
    assertTrue(aboveHalf, "the top of the range must be reachable");
  }
}
