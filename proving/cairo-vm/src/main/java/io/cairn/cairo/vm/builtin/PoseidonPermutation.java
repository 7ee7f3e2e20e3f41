package io.cairn.cairo.vm.builtin;

import io.cairn.math.Felt;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * StarkWare's Poseidon (Hades) permutation over a state of three felts: 4 full rounds, 83 partial
 * rounds, 4 full rounds; S-box x³; MDS matrix [[3,1,1],[1,-1,1],[1,1,-2]]. Round constant k is
 * sha256("Hades" + k) read big-endian, mod P; round r adds constants 3r..3r+2 to the state.
 */
public final class PoseidonPermutation {
  private static final int FULL_ROUNDS = 8;
  private static final int PARTIAL_ROUNDS = 83;
  private static final Felt[] CONSTANTS = roundConstants();
  private static final Felt THREE = Felt.of(3);

  private PoseidonPermutation() {}

  private static Felt[] roundConstants() {
    try {
      Felt[] c = new Felt[3 * (FULL_ROUNDS + PARTIAL_ROUNDS)];
      for (int i = 0; i < c.length; i++) {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] digest = sha.digest(("Hades" + i).getBytes(StandardCharsets.US_ASCII));
        c[i] = Felt.of(new BigInteger(1, digest));
      }
      return c;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Applies the permutation to {@code state} (three felts) and returns the new state. */
  public static Felt[] permute(Felt[] state) {
    if (state.length != 3) {
      throw new IllegalArgumentException("poseidon state has 3 elements");
    }
    Felt s0 = state[0];
    Felt s1 = state[1];
    Felt s2 = state[2];
    int rounds = FULL_ROUNDS + PARTIAL_ROUNDS;
    for (int r = 0; r < rounds; r++) {
      s0 = s0.add(CONSTANTS[3 * r]);
      s1 = s1.add(CONSTANTS[3 * r + 1]);
      s2 = s2.add(CONSTANTS[3 * r + 2]);
      boolean full = r < FULL_ROUNDS / 2 || r >= FULL_ROUNDS / 2 + PARTIAL_ROUNDS;
      if (full) {
        s0 = s0.square().mul(s0);
        s1 = s1.square().mul(s1);
      }
      s2 = s2.square().mul(s2);
      // MDS: [[3,1,1],[1,-1,1],[1,1,-2]]
      Felt sum = s0.add(s1).add(s2);
      Felt n0 = sum.add(s0.add(s0));
      Felt n1 = sum.sub(s1.add(s1).add(s1)).add(s1);
      Felt n2 = sum.sub(s2.mul(THREE));
      s0 = n0;
      s1 = n1;
      s2 = n2;
    }
    return new Felt[] {s0, s1, s2};
  }
}
