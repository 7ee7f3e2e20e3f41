package io.cairn.prover;

import static io.cairn.prover.TestProofs.CONTEXT;
import static io.cairn.prover.TestProofs.TEST_MIN_BITS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.air.Air;
import io.cairn.air.ProofCodec;
import io.cairn.air.StarkProof;
import io.cairn.verifier.StarkVerifier;
import io.cairn.verifier.VerificationException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Flips one bit in every byte of a serialised proof (the bit rotates with the position) and
 * requires every corrupted proof to be rejected: zero accepted corruptions.
 */
class ByteFlipSweepTest {

  private static List<Integer> acceptedFlips(Air air, StarkProof proof) {
    byte[] bytes = ProofCodec.encode(proof);
    StarkVerifier verifier = new StarkVerifier(TEST_MIN_BITS);
    List<Integer> accepted = new ArrayList<>();
    IntStream.range(0, bytes.length)
        .parallel()
        .forEach(
            i -> {
              byte[] corrupted = bytes.clone();
              corrupted[i] ^= (byte) (1 << (i % 8));
              try {
                verifier.verify(air, corrupted, CONTEXT);
                synchronized (accepted) {
                  accepted.add(i);
                }
              } catch (VerificationException expected) {
                // rejected, as it must be
              }
            });
    return accepted;
  }

  @Test
  void everyFlipOfAFibonacciProofIsRejected() {
    assertEquals(List.of(), acceptedFlips(TestProofs.fibonacciAir(), TestProofs.fibonacciProof()));
  }

  @Test
  void everyFlipOfAPermutationProofIsRejected() {
    StarkProof proof =
        new StarkProver(TestProofs.FAST)
            .prove(TestProofs.permutationAir(), TestProofs.permutationTrace(), CONTEXT);
    assertEquals(List.of(), acceptedFlips(TestProofs.permutationAir(), proof));
  }
}
