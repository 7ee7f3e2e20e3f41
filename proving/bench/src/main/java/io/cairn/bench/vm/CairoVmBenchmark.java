package io.cairn.bench.vm;

import io.cairn.cairo.vm.CairoRunner;
import io.cairn.cairo.vm.ExecutionResult;
import io.cairn.cairo.vm.RunConfig;
import io.cairn.cairo.vm.program.CairoProgram;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cairo VM throughput on a Fibonacci loop of 4·iterations + 4 steps (12,000,004 by default), with
 * and without trace recording. Steps per second = steps / reported seconds per run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx4g"})
public class CairoVmBenchmark {
  @Param({"3000000"})
  public long iterations;

  private CairoProgram program;

  @Setup
  public void setUp() {
    program = FibonacciLoopProgram.build(iterations);
  }

  @Benchmark
  public ExecutionResult fibonacciNoTrace() {
    return CairoRunner.run(program, RunConfig.exec().withTrace(false));
  }

  @Benchmark
  public ExecutionResult fibonacciWithTrace() {
    return CairoRunner.run(program, RunConfig.exec());
  }
}
