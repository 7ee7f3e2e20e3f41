package io.cairn.bench.math;

import io.cairn.math.Felt;
import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Latency of single Stark252 field operations on {@link Felt}: multiplication, squaring, addition,
 * inversion and square root, on random operands.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FeltBenchmark {
  private Felt a;
  private Felt b;

  /** Draws fixed-seed random operands. */
  @Setup
  public void setup() {
    Random rnd = new Random(42);
    a = Felt.of(new BigInteger(256, rnd));
    b = Felt.of(new BigInteger(256, rnd));
  }

  @Benchmark
  public Felt mul() {
    return a.mul(b);
  }

  /** A chain of dependent multiplications: latency rather than throughput, per multiplication. */
  @Benchmark
  @OperationsPerInvocation(100)
  public Felt mulChain100() {
    Felt x = a;
    for (int i = 0; i < 100; i++) {
      x = x.mul(b);
    }
    return x;
  }

  @Benchmark
  public Felt square() {
    return a.square();
  }

  @Benchmark
  public Felt add() {
    return a.add(b);
  }

  @Benchmark
  public Felt inverse() {
    return a.inverse();
  }

  @Benchmark
  public Object sqrt() {
    return a.square().sqrt();
  }
}
