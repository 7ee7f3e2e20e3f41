package io.cairn.prover;

import io.cairn.air.ProofOptions;
import io.cairn.air.StarkProof;
import io.cairn.air.examples.FibonacciAir;
import io.cairn.air.examples.PermutationAir;
import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Shared fixtures: cheap, insecure options and small example proofs. Test code only. */
final class TestProofs {

  /** Insecure options for fast tests: 4 + 2·12 − 1 = 27 conjectured bits. */
  static final ProofOptions FAST = new ProofOptions(4, 12, 4);

  /** The minimum the tests' verifiers demand; {@link #FAST} passes it. */
  static final int TEST_MIN_BITS = 20;

  static final byte[] CONTEXT = "lease-42".getBytes(StandardCharsets.UTF_8);

  static final int FIB_ROWS = 64;

  static final Felt PERMUTATION_START = Felt.of(1000);

  private TestProofs() {}

  static FibonacciAir fibonacciAir() {
    return new FibonacciAir(FIB_ROWS, FibonacciAir.resultOf(FibonacciAir.buildTrace(FIB_ROWS)));
  }

  static StarkProof fibonacciProof() {
    return new StarkProver(FAST).prove(fibonacciAir(), FibonacciAir.buildTrace(FIB_ROWS), CONTEXT);
  }

  static PermutationAir permutationAir() {
    return new PermutationAir(32, PERMUTATION_START);
  }

  static List<FeltVector> permutationTrace() {
    return PermutationAir.buildTrace(32, PERMUTATION_START, 11);
  }
}
