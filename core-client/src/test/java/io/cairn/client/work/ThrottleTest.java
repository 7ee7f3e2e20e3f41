package io.cairn.client.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cairo.vm.RunConfig;
import io.cairn.cairo.vm.program.CairoProgram;
import io.cairn.client.prefs.DutyCycle;
import io.cairn.math.Felt;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cpu_usage_limit at 50 %: a worker running the VM uses about half the CPU time it uses unthrottled
 * (measured with ThreadMXBean over a few seconds; the ratio, not the absolute share, is checked,
 * because other processes share this machine's cores).
 */
class ThrottleTest {
  @TempDir Path slot;

  private double lastRunFraction;

  /** Runs the VM for {@code millis} under {@code limit} %; returns CPU seconds per wall second. */
  private double cpuShare(CairoProgram program, double limit, long millis) throws Exception {
    TaskControl control = new TaskControl(() -> limit, DutyCycle.Nanos.SYSTEM);
    AtomicLong cpuNanos = new AtomicLong();
    AtomicLong wallNanos = new AtomicLong();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Thread worker =
        new Thread(
            () -> {
              long cpu0 = threads.getCurrentThreadCpuTime();
              long wall0 = System.nanoTime();
              try {
                VmExecution.run(
                    program,
                    RunConfig.proof().withInput(List.of(Felt.of(1L << 40))).withTrace(false),
                    1L << 40,
                    slot.resolve("l" + limit),
                    1L << 40,
                    control,
                    new VmExecution.Listener() {
                      @Override
                      public void progress(long steps) {}

                      @Override
                      public void checkpointed(long steps) {}
                    });
              } catch (TaskStoppedException e) {
                assertEquals(TaskStoppedException.Why.QUITTING, e.why());
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              cpuNanos.set(threads.getCurrentThreadCpuTime() - cpu0);
              wallNanos.set(System.nanoTime() - wall0);
            },
            "throttled-worker");
    worker.setPriority(Thread.MIN_PRIORITY);
    worker.start();
    Thread.sleep(millis);
    control.quit();
    worker.join();
    lastRunFraction = 1 - control.throttledNanos() / (double) wallNanos.get();
    return cpuNanos.get() / (double) wallNanos.get();
  }

  @Test
  void fiftyPercentLimitHalvesTheWorkersCpuTime() throws Exception {
    CairoProgram program = VmExecutionTest.sum();
    // interleaved rounds, so that a change in the machine's other load hits both modes alike
    double full = 0;
    double half = 0;
    double[] runFractions = new double[2];
    for (int round = 0; round < 2; round++) {
      full += cpuShare(program, 100, 1200) / 2;
      System.gc();
      half += cpuShare(program, 50, 2750) / 2; // ends inside a pause: whole periods
      runFractions[round] = lastRunFraction;
      System.gc();
    }
    System.out.printf(
        "CPU share unthrottled %.2f, at cpu_usage_limit=50 %.2f; run fractions %.2f %.2f%n",
        full, half, runFractions[0], runFractions[1]);
    // a worker descheduled by other processes overshoots a pause point now and then; with about
    // three periods per window that moves the share, so contended cores get a wider tolerance
    double tolerance = full >= 0.7 ? 0.1 : 0.15;
    for (double fraction : runFractions) {
      assertEquals(0.5, fraction, tolerance, "the worker ran half of the wall time");
    }
    assertTrue(full > 0.05, "the worker ran: " + full);
    assertTrue(half < 0.65, "at most about half a core: " + half);
    if (full >= 0.7) {
      // the cores were free: CPU time follows the duty cycle
      assertEquals(0.5, half / full, 0.15, "throttled/unthrottled = " + half / full);
    } else {
      // Other processes compete for the cores: the OS gives a thread that sleeps half the time a
      // larger share while it runs (sleeper credit), so only the direction is checked here; the
      // duty cycle itself was checked above.
      assertTrue(half < full * 1.05, "throttled/unthrottled = " + half / full);
    }
  }
}
