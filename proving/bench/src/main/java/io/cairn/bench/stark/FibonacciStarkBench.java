package io.cairn.bench.stark;

import io.cairn.air.ProofCodec;
import io.cairn.air.ProofOptions;
import io.cairn.air.StarkProof;
import io.cairn.air.examples.FibonacciAir;
import io.cairn.math.FeltVector;
import io.cairn.prover.StarkProver;
import io.cairn.verifier.StarkVerifier;
import io.cairn.verifier.VerificationException;
import java.util.List;
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
 * Proving and verifying the Fibonacci example AIR at the 128-bit preset. The setup proves once and
 * prints the encoded proof size ("proof bytes"), then {@code prove} and {@code verify} are timed.
 * Verification must stay polylogarithmic: compare 2^20 with 2^12.
 */
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx8g"})
public class FibonacciStarkBench {

  private static final byte[] CONTEXT = new byte[0];

  @Param({"12", "16", "18", "20"})
  public int logRows;

  private FibonacciAir air;
  private List<FeltVector> trace;
  private byte[] proofBytes;
  private final StarkVerifier verifier = new StarkVerifier(128);

  @Setup(Level.Trial)
  public void setUp() {
    int n = 1 << logRows;
    trace = FibonacciAir.buildTrace(n);
    air = new FibonacciAir(n, FibonacciAir.resultOf(trace));
    StarkProof proof = new StarkProver(ProofOptions.DEFAULT_128).prove(air, trace, CONTEXT);
    proofBytes = ProofCodec.encode(proof);
    System.out.printf("%nproof bytes at 2^%d rows: %d%n", logRows, proofBytes.length);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public StarkProof prove() {
    return new StarkProver(ProofOptions.DEFAULT_128).prove(air, trace, CONTEXT);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public byte[] verify() throws VerificationException {
    verifier.verify(air, proofBytes, CONTEXT);
    return proofBytes;
  }
}
