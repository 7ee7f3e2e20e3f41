package io.cairn.bench.math;

import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import io.cairn.math.Fft;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.util.Random;

/**
 * A companion to the JMH benchmarks that reports CPU time rather than wall time, for machines
 * shared with other work, where JMH's wall-clock figures grow with the load average.
 *
 * <p>Field operations are timed with the calling thread's CPU clock; FFTs with the process CPU
 * clock (all threads, so it includes JIT and GC threads, and shows total work rather than latency)
 * next to their wall time. Each figure is the best of several rounds after a warm-up.
 *
 * <p>Run: {@code java -cp proving/bench/target/benchmarks.jar io.cairn.bench.math.CpuTimeProbe}
 */
public final class CpuTimeProbe {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final int N = 1 << 14;
  private static final int ROUNDS = 200;

  private static Object sink;

  private CpuTimeProbe() {}

  /** Prints one line per measured operation. */
  public static void main(String[] args) {
    Random rnd = new Random(42);
    Felt[] xs = new Felt[N];
    for (int i = 0; i < N; i++) {
      xs[i] = Felt.of(new BigInteger(256, rnd));
    }
    FeltVector v = FeltVector.fromArray(xs);
    FeltVector w = v.copy();
    double mul = Double.MAX_VALUE;
    double chain = Double.MAX_VALUE;
    double add = Double.MAX_VALUE;
    double square = Double.MAX_VALUE;
    double vecMul = Double.MAX_VALUE;
    double inverse = Double.MAX_VALUE;
    for (int r = 0; r < ROUNDS; r++) {
      Felt[] out = new Felt[N];
      long t0 = THREADS.getCurrentThreadCpuTime();
      for (int i = 1; i < N; i++) {
        out[i] = xs[i].mul(xs[i - 1]);
      }
      long t1 = THREADS.getCurrentThreadCpuTime();
      mul = Math.min(mul, (t1 - t0) / (double) (N - 1));
      Felt acc = Felt.ONE;
      t0 = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < N; i++) {
        acc = acc.mul(xs[i]);
      }
      t1 = THREADS.getCurrentThreadCpuTime();
      chain = Math.min(chain, (t1 - t0) / (double) N);
      t0 = THREADS.getCurrentThreadCpuTime();
      for (int i = 1; i < N; i++) {
        out[i] = xs[i].add(xs[i - 1]);
      }
      t1 = THREADS.getCurrentThreadCpuTime();
      add = Math.min(add, (t1 - t0) / (double) (N - 1));
      t0 = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < N; i++) {
        out[i] = xs[i].square();
      }
      t1 = THREADS.getCurrentThreadCpuTime();
      square = Math.min(square, (t1 - t0) / (double) N);
      t0 = THREADS.getCurrentThreadCpuTime();
      w.mulInPlace(v);
      t1 = THREADS.getCurrentThreadCpuTime();
      vecMul = Math.min(vecMul, (t1 - t0) / (double) N);
      t0 = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < 16; i++) {
        acc = acc.add(Felt.ONE).inverse();
      }
      t1 = THREADS.getCurrentThreadCpuTime();
      inverse = Math.min(inverse, (t1 - t0) / 16.0);
      sink = acc;
      sink = out;
    }
    System.out.printf("Felt.mul (independent)  %8.1f ns CPU%n", mul);
    System.out.printf("Felt.mul (dependent)    %8.1f ns CPU%n", chain);
    System.out.printf("Felt.square             %8.1f ns CPU%n", square);
    System.out.printf("Felt.add                %8.1f ns CPU%n", add);
    System.out.printf("FeltVector.mulInPlace   %8.1f ns CPU per element%n", vecMul);
    System.out.printf("Felt.inverse            %8.0f ns CPU%n", inverse);
    double sqrt = Double.MAX_VALUE;
    for (int r = 0; r < 10; r++) {
      long t0 = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < 50; i++) {
        sink = xs[i].square().sqrt();
      }
      long t1 = THREADS.getCurrentThreadCpuTime();
      sqrt = Math.min(sqrt, (t1 - t0) / 50.0);
    }
    System.out.printf("Felt.sqrt (of a square) %8.0f ns CPU%n", sqrt);
    for (int logN : new int[] {16, 20}) {
      fft(logN, rnd);
    }
  }

  private static void fft(int logN, Random rnd) {
    int n = 1 << logN;
    FeltVector input = new FeltVector(n);
    for (int i = 0; i < n; i++) {
      input.set(i, Felt.of(new BigInteger(256, rnd)));
    }
    double bestCpu = Double.MAX_VALUE;
    double bestWall = Double.MAX_VALUE;
    int rounds = logN <= 16 ? 40 : 8;
    for (int r = 0; r < rounds; r++) {
      FeltVector work = input.copy();
      long c0 = OS.getProcessCpuTime();
      long t0 = System.nanoTime();
      Fft.fft(work);
      long t1 = System.nanoTime();
      long c1 = OS.getProcessCpuTime();
      sink = work;
      bestCpu = Math.min(bestCpu, (c1 - c0) / 1e6);
      bestWall = Math.min(bestWall, (t1 - t0) / 1e6);
    }
    System.out.printf(
        "Fft.fft 2^%d              %8.1f ms CPU (all threads), %8.1f ms wall%n",
        logN, bestCpu, bestWall);
  }
}
