package io.cairn.bench.stark;

import io.cairn.air.ProofCodec;
import io.cairn.air.ProofOptions;
import io.cairn.air.examples.FibonacciAir;
import io.cairn.math.FeltVector;
import io.cairn.prover.StarkProver;
import io.cairn.verifier.StarkVerifier;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Measures verification cost as the verifying thread's CPU time (the verifier is single-threaded),
 * which stays meaningful on a machine shared with other work, for Fibonacci proofs at the 128-bit
 * preset. The polylogarithmic target: 2^20 rows cost at most 3× what 2^12 rows cost.
 *
 * <pre>
 * java -Xmx10g -cp proving/bench/target/benchmarks.jar io.cairn.bench.stark.VerifierCpuTime 12 16 18 20
 * </pre>
 */
public final class VerifierCpuTime {

  private VerifierCpuTime() {}

  /** Arguments: log2 row counts. */
  public static void main(String[] args) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (String arg : args) {
      int n = 1 << Integer.parseInt(arg);
      List<FeltVector> trace = FibonacciAir.buildTrace(n);
      FibonacciAir air = new FibonacciAir(n, FibonacciAir.resultOf(trace));
      byte[] bytes =
          ProofCodec.encode(
              new StarkProver(ProofOptions.DEFAULT_128).prove(air, trace, new byte[0]));
      StarkVerifier verifier = new StarkVerifier(128);
      for (int i = 0; i < 300; i++) {
        verifier.verify(air, bytes, new byte[0]);
      }
      long best = Long.MAX_VALUE;
      long total = 0;
      int runs = 200;
      for (int i = 0; i < runs; i++) {
        long start = threads.getCurrentThreadCpuTime();
        verifier.verify(air, bytes, new byte[0]);
        long spent = threads.getCurrentThreadCpuTime() - start;
        best = Math.min(best, spent);
        total += spent;
      }
      System.out.printf(
          "2^%s rows: proof %d bytes, verify CPU mean %.2f ms, min %.2f ms%n",
          arg, bytes.length, total / (double) runs / 1e6, best / 1e6);
    }
  }
}
