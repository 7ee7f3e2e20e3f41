package io.cairn.bench.stark;

import io.cairn.air.ProofCodec;
import io.cairn.air.ProofOptions;
import io.cairn.air.StarkProof;
import io.cairn.prover.StarkProver;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Proving time for an AIR of the Cairo AIR's shape ({@link CairoShapedAir}: 36 + 23 columns, 64
 * degree-2 constraints) at the 128-bit preset; the budget for the real Cairo AIR is 35 s at 2^16
 * rows on two cores.
 */
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx8g"})
public class CairoShapedStarkBench {

  @Param({"16"})
  public int logRows;

  private CairoShapedAir air;

  @Setup(Level.Trial)
  public void setUp() {
    air = new CairoShapedAir(1 << logRows);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public byte[] prove() {
    StarkProof proof =
        new StarkProver(ProofOptions.DEFAULT_128).prove(air, air.mainTrace(), new byte[0]);
    return ProofCodec.encode(proof);
  }
}
