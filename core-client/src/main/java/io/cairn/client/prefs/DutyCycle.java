package io.cairn.client.prefs;

import java.util.function.DoubleSupplier;

/**
 * CPU-time throttling ({@code cpu_usage_limit}) by duty cycle, one instance per worker. At each of
 * the worker's pause points, once it has run for {@code limit} of a one-second period, it sleeps
 * {@code run * (100 - limit) / limit}: the run/pause ratio is exact on average even when pause
 * points are irregular (BOINC stops and starts its applications in one-second steps; a Java worker
 * cannot be stopped from outside, so it stops itself).
 */
public final class DutyCycle {
  /** The period over which run and pause alternate. */
  public static final long PERIOD_NANOS = 1_000_000_000L;

  private final DoubleSupplier limitPct;
  private final Nanos clock;
  private long runningSince;
  private volatile long throttledNanos;

  /** Reads time and sleeps; tests give a fake one. */
  public interface Nanos {
    long now();

    void sleep(long nanos) throws InterruptedException;

    /** The system clock and Thread.sleep. */
    Nanos SYSTEM =
        new Nanos() {
          @Override
          public long now() {
            return System.nanoTime();
          }

          @Override
          public void sleep(long nanos) throws InterruptedException {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
          }
        };
  }

  /** A duty cycle reading the current limit (percent) from {@code limitPct}. */
  public DutyCycle(DoubleSupplier limitPct, Nanos clock) {
    this.limitPct = limitPct;
    this.clock = clock;
    this.runningSince = clock.now();
  }

  /** The total time this worker has slept for throttling, nanoseconds. */
  public long throttledNanos() {
    return throttledNanos;
  }

  /** Restarts the run interval (after any other pause). */
  public void restart() {
    runningSince = clock.now();
  }

  /** Called often by the worker; sleeps when the worker has used its share of the period. */
  public void pausePoint() throws InterruptedException {
    double limit = limitPct.getAsDouble();
    if (limit >= 100) {
      runningSince = clock.now();
      return;
    }
    long ran = clock.now() - runningSince;
    if (ran < PERIOD_NANOS * limit / 100) {
      return;
    }
    long pause = (long) (ran * (100 - limit) / limit);
    clock.sleep(pause);
    throttledNanos += pause;
    runningSince = clock.now();
  }
}
