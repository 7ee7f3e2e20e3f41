package io.cairn.prover;

import static io.cairn.prover.TestProofs.CONTEXT;
import static io.cairn.prover.TestProofs.FAST;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.air.StarkProof;
import io.cairn.air.examples.FibonacciAir;
import io.cairn.crypto.Hasher;
import io.cairn.crypto.Keccak256;
import io.cairn.math.FeltVector;
import io.cairn.verifier.StarkVerifier;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A deterministic guard that verification stays polylogarithmic: the bytes the verifier hashes grow
 * like log²(n) (Merkle depth × FRI layers), not like n. (Wall-clock figures are in
 * docs/bench/stark.md.)
 */
class VerifierCostTest {

  private static final class CountingHasher implements Hasher {
    final AtomicLong bytes = new AtomicLong();

    @Override
    public String name() {
      return Keccak256.INSTANCE.name();
    }

    @Override
    public void hash(byte[] input, int offset, int length, byte[] out, int outOffset) {
      bytes.addAndGet(length);
      Keccak256.INSTANCE.hash(input, offset, length, out, outOffset);
    }
  }

  private static long hashedBytesToVerify(int logRows) throws Exception {
    int n = 1 << logRows;
    List<FeltVector> trace = FibonacciAir.buildTrace(n);
    FibonacciAir air = new FibonacciAir(n, FibonacciAir.resultOf(trace));
    StarkProof proof = new StarkProver(FAST).prove(air, trace, CONTEXT);
    CountingHasher counter = new CountingHasher();
    new StarkVerifier(TestProofs.TEST_MIN_BITS, counter).verify(air, proof, CONTEXT);
    return counter.bytes.get();
  }

  @Test
  void sixtyFourTimesTheRowsCostsAtMostFourTimesTheHashing() throws Exception {
    long small = hashedBytesToVerify(6);
    long large = hashedBytesToVerify(12);
    // (log N: 8 -> 14) squared is about 3.1; a linear verifier would hash 64 times more
    assertTrue(large < 4 * small, "hashed bytes: 2^6 rows " + small + ", 2^12 rows " + large);
  }
}
