package io.cairn.prover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.air.ProofCodec;
import io.cairn.air.ProofFormatException;
import io.cairn.air.StarkProof;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The codec is canonical and total: real proofs round-trip, everything else is a typed error. */
class ProofCodecTest {

  private static final StarkProof PROOF = TestProofs.fibonacciProof();
  private static final byte[] BYTES = ProofCodec.encode(PROOF);

  /**
   * Offset of the first OOD felt: magic, version, options, root count, root, composition root,
   * count.
   */
  private static final int FIRST_FELT = 4 + 1 + 3 + 1 + 32 + 32 + 4;

  @Test
  void everyProperPrefixIsRejected() {
    for (int length = 0; length < BYTES.length; length++) {
      byte[] prefix = Arrays.copyOf(BYTES, length);
      assertThrows(ProofFormatException.class, () -> ProofCodec.decode(prefix), "length " + length);
    }
  }

  @Test
  void nonCanonicalFieldElementIsRejected() throws Exception {
    assertEquals(PROOF.ood().current().get(0), ProofCodec.decode(BYTES).ood().current().get(0));
    byte[] bad = BYTES.clone();
    bad[FIRST_FELT] = (byte) 0x08; // top byte of p is 0x08: value >= p
    bad[FIRST_FELT + 1] = (byte) 0xff;
    ProofFormatException e = assertThrows(ProofFormatException.class, () -> ProofCodec.decode(bad));
    assertTrue(e.getMessage().contains("non-canonical"), e.getMessage());
  }

  @Test
  void badMagicVersionAndOptionsAreRejected() {
    // magic, version 255, blowup 3, zero queries, 255 grinding bits
    int[][] edits = {{0, 0xff}, {4, 0xff}, {5, 3}, {6, 0}, {7, 0xff}};
    for (int[] edit : edits) {
      int offset = edit[0];
      byte[] bad = BYTES.clone();
      bad[offset] = (byte) edit[1];
      assertThrows(ProofFormatException.class, () -> ProofCodec.decode(bad), "offset " + offset);
    }
  }

  @Test
  void randomBytesGiveOnlyTypedErrors() {
    Random random = new Random(12);
    for (int trial = 0; trial < 2000; trial++) {
      byte[] garbage = new byte[random.nextInt(400)];
      random.nextBytes(garbage);
      if (trial % 2 == 0 && garbage.length > 8) {
        System.arraycopy(BYTES, 0, garbage, 0, 8); // valid header, garbage body
      }
      assertThrows(ProofFormatException.class, () -> ProofCodec.decode(garbage));
    }
  }
}
