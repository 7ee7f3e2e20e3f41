package io.cairn.client.work;

import io.cairn.client.prefs.DutyCycle;
import io.cairn.client.work.TaskStoppedException.Why;
import java.util.function.DoubleSupplier;

/**
 * The link between the client's scheduler thread and one running task. The scheduler sets flags;
 * the worker calls {@link #pausePoint()} often (every few thousand VM steps, between prover
 * stages), where it blocks while suspended, sleeps its throttling share, or stops.
 *
 * <p>Checkpoints are written between pause points, never across one, so a suspension never meets a
 * half-written checkpoint; and a kill at any moment leaves the previous complete one (the files are
 * replaced atomically).
 */
public final class TaskControl {
  private final DutyCycle dutyCycle;
  private volatile boolean suspended;
  private volatile boolean unloadWhenSuspended;
  private volatile boolean aborted;
  private volatile boolean quitting;
  private volatile boolean paused;

  /** A control throttled to the percentage {@code cpuUsageLimit} reads. */
  public TaskControl(DoubleSupplier cpuUsageLimit, DutyCycle.Nanos clock) {
    this.dutyCycle = new DutyCycle(cpuUsageLimit, clock);
  }

  /** Suspends or resumes; {@code unload}: a suspended task stops instead of waiting in memory. */
  public synchronized void setSuspended(boolean suspended, boolean unload) {
    this.suspended = suspended;
    this.unloadWhenSuspended = unload;
    notifyAll();
  }

  /** Asks the task to stop and fail as ABANDONED. */
  public synchronized void abort() {
    aborted = true;
    notifyAll();
  }

  /** Asks the task to stop for a shutdown. */
  public synchronized void quit() {
    quitting = true;
    notifyAll();
  }

  /** The time the worker has slept for CPU throttling, nanoseconds. */
  public long throttledNanos() {
    return dutyCycle.throttledNanos();
  }

  /** Whether the worker is waiting at a pause point right now. */
  public boolean paused() {
    return paused;
  }

  /** Whether the task is suspended (it may still be finishing the step before its pause point). */
  public boolean suspended() {
    return suspended;
  }

  /** The worker's pause point. */
  public void pausePoint() {
    try {
      if (suspended || aborted || quitting) {
        waitWhileSuspended();
      }
      dutyCycle.pausePoint();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TaskStoppedException(Why.QUITTING);
    }
  }

  private synchronized void waitWhileSuspended() throws InterruptedException {
    paused = true;
    try {
      while (true) {
        if (aborted) {
          throw new TaskStoppedException(Why.ABORTED);
        }
        if (quitting) {
          throw new TaskStoppedException(Why.QUITTING);
        }
        if (!suspended) {
          break;
        }
        if (unloadWhenSuspended) {
          throw new TaskStoppedException(Why.UNLOADED);
        }
        wait(1000);
      }
    } finally {
      paused = false;
    }
    dutyCycle.restart();
  }
}
