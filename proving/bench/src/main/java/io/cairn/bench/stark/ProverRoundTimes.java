package io.cairn.bench.stark;

import com.sun.management.OperatingSystemMXBean;
import io.cairn.air.Air;
import io.cairn.air.ProofCodec;
import io.cairn.air.ProofOptions;
import io.cairn.air.StarkProof;
import io.cairn.air.examples.FibonacciAir;
import io.cairn.math.FeltVector;
import io.cairn.prover.ProvingSession;
import io.cairn.prover.StarkProver;
import io.cairn.verifier.StarkVerifier;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Prints wall-clock and process CPU time per prover round, the proof size and the verification
 * time: a quick breakdown next to the JMH figures, and a way to estimate the unloaded wall time on
 * a shared machine (CPU time ÷ cores).
 *
 * <pre>
 * java -cp proving/bench/target/benchmarks.jar io.cairn.bench.stark.ProverRoundTimes cairo 16
 * java -cp proving/bench/target/benchmarks.jar io.cairn.bench.stark.ProverRoundTimes fibonacci 20
 * </pre>
 */
public final class ProverRoundTimes {

  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private long wall = System.nanoTime();
  private long cpu = OS.getProcessCpuTime();

  private ProverRoundTimes() {}

  private void lap(String round) {
    long nowWall = System.nanoTime();
    long nowCpu = OS.getProcessCpuTime();
    System.out.printf(
        "  %-20s wall %7.2f s   cpu %7.2f s%n",
        round, (nowWall - wall) / 1e9, (nowCpu - cpu) / 1e9);
    wall = nowWall;
    cpu = nowCpu;
  }

  /** Arguments: {@code fibonacci|cairo} and log2 of the row count; optional repetitions. */
  public static void main(String[] args) throws Exception {
    int logRows = Integer.parseInt(args[1]);
    int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    Air air;
    List<FeltVector> trace;
    if (args[0].equals("cairo")) {
      CairoShapedAir cairo = new CairoShapedAir(1 << logRows);
      air = cairo;
      trace = cairo.mainTrace();
    } else {
      trace = FibonacciAir.buildTrace(1 << logRows);
      air = new FibonacciAir(1 << logRows, FibonacciAir.resultOf(trace));
    }
    for (int r = 0; r < repetitions; r++) {
      System.out.printf("%s 2^%d rows, 128-bit preset, run %d%n", args[0], logRows, r + 1);
      long startWall = System.nanoTime();
      long startCpu = OS.getProcessCpuTime();
      ProverRoundTimes t = new ProverRoundTimes();
      ProvingSession s = new StarkProver(ProofOptions.DEFAULT_128).start(air, trace, new byte[0]);
      s.commitMainTrace();
      t.lap("commitMainTrace");
      s.commitAuxTrace();
      t.lap("commitAuxTrace");
      s.commitComposition();
      t.lap("commitComposition");
      s.openOutOfDomain();
      t.lap("openOutOfDomain");
      s.commitFriLayers();
      t.lap("commitFriLayers");
      s.grind();
      t.lap("grind");
      StarkProof proof = s.answerQueries();
      t.lap("answerQueries");
      System.out.printf(
          "  total wall %.2f s, cpu %.2f s%n",
          (System.nanoTime() - startWall) / 1e9, (OS.getProcessCpuTime() - startCpu) / 1e9);
      byte[] bytes = ProofCodec.encode(proof);
      StarkVerifier verifier = new StarkVerifier(128);
      for (int i = 0; i < 20; i++) {
        verifier.verify(air, bytes, new byte[0]);
      }
      long v = System.nanoTime();
      for (int i = 0; i < 20; i++) {
        verifier.verify(air, bytes, new byte[0]);
      }
      System.out.printf(
          "  proof %d bytes, verify %.2f ms%n", bytes.length, (System.nanoTime() - v) / 20 / 1e6);
    }
  }
}
