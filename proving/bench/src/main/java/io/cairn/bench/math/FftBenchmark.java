package io.cairn.bench.math;

import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import io.cairn.math.Fft;
import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time of an in-place forward FFT of 2^logSize elements (natural order in and out) and of a
 * low-degree extension with blowup 4 onto a coset. The input is refreshed before each call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FftBenchmark {
  @Param({"16", "20"})
  public int logSize;

  private FeltVector input;
  private FeltVector work;

  /** Draws fixed-seed random coefficients. */
  @Setup(Level.Trial)
  public void setup() {
    Random rnd = new Random(7);
    int n = 1 << logSize;
    input = new FeltVector(n);
    for (int i = 0; i < n; i++) {
      input.set(i, Felt.of(new BigInteger(256, rnd)));
    }
  }

  /** Restores the input, outside the measured time. */
  @Setup(Level.Invocation)
  public void refresh() {
    work = input.copy();
  }

  @Benchmark
  public FeltVector fft() {
    Fft.fft(work);
    return work;
  }

  @Benchmark
  public FeltVector lowDegreeExtensionBlowup4() {
    return Fft.lowDegreeExtension(work, Felt.GENERATOR, 4);
  }
}
