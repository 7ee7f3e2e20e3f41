package io.cairn.bench.vm;

import io.cairn.cairo.vm.CairoRunner;
import io.cairn.cairo.vm.ExecutionResult;
import io.cairn.cairo.vm.RunConfig;
import io.cairn.cairo.vm.program.CairoProgram;
import java.io.OutputStream;

/**
 * A plain-main throughput check (no JMH): runs the Fibonacci loop with and without trace, then
 * writes trace + memory, and prints steps/s and retained heap per step. Usage: {@code java -cp
 * benchmarks.jar io.cairn.bench.vm.VmThroughput [iterations]}.
 */
public final class VmThroughput {
  private VmThroughput() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    long iterations = args.length > 0 ? Long.parseLong(args[0]) : 3_000_000L;
    CairoProgram program = FibonacciLoopProgram.build(iterations);
    for (int round = 0; round < 4; round++) {
      for (boolean trace : new boolean[] {false, true}) {
        System.gc();
        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        ExecutionResult r = CairoRunner.run(program, RunConfig.exec().withTrace(trace));
        long t1 = System.nanoTime();
        long heapAfter = usedHeapAfterGc();
        String writeInfo = "";
        if (trace) {
          long w0 = System.nanoTime();
          r.writeTrace(OutputStream.nullOutputStream());
          r.writeMemory(OutputStream.nullOutputStream());
          writeInfo = String.format(", write trace+memory %.2f s", (System.nanoTime() - w0) / 1e9);
        }
        System.out.printf(
            "round %d trace=%-5s steps=%d time=%.2f s  %.2f M steps/s  heap %.1f bytes/step%s%n",
            round,
            trace,
            r.steps(),
            (t1 - t0) / 1e9,
            r.steps() / ((t1 - t0) / 1e3),
            (heapAfter - heapBefore) / (double) r.steps(),
            writeInfo);
        if (r.steps() < 0) {
          throw new IllegalStateException();
        }
      }
    }
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static long usedHeapAfterGc() {
    System.gc();
    return usedHeap();
  }
}
