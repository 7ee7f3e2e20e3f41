package io.cairn.client;

import io.cairn.air.ProofOptions;
import io.cairn.client.prefs.DutyCycle;
import io.cairn.client.prefs.Preferences;
import io.cairn.client.prefs.SuspendReason;
import io.cairn.client.state.ProjectState;
import io.cairn.client.state.TaskPhase;
import io.cairn.client.state.TaskState;
import io.cairn.client.work.TaskControl;
import io.cairn.client.work.TaskHost;
import io.cairn.client.work.TaskRunner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The CPU scheduler: runs verified tasks on the worker pool (daemon threads at {@link
 * Thread#MIN_PRIORITY}; OS niceness comes from the launcher), at most max_ncpus_pct of the cores,
 * earliest deadline first; suspends and resumes them as the preferences and the donor say; and is
 * the {@link TaskHost} its runners report to.
 */
final class Workers implements TaskHost {
  private final StateKeeper keeper;
  private final ClientSettings settings;
  private final Transfers transfers;
  private final ExecutorService pool;
  private final Supplier<Preferences> prefs;
  private final Map<String, Running> running = new LinkedHashMap<>();

  /** Out-of-memory failures after which a task fails. */
  static final int MAX_MEMORY_FAILURES = 3;

  /** How long only one task runs after one ran out of memory. */
  private static final long MEMORY_PRESSURE_NANOS = 600_000_000_000L;

  /** Guards the prover memory reservations (never held with another lock). */
  private final Object memoryLock = new Object();

  private final Map<String, Long> reservations = new java.util.HashMap<>();
  private long reservedBytes;
  private int proversInMemory;
  private volatile double vmStepsPerSecond = 1_000_000;
  private volatile long memoryPressureUntil = System.nanoTime();
  private long lastTick = System.nanoTime();

  private record Running(TaskState task, TaskControl control, Future<?> future) {}

  Workers(
      StateKeeper keeper,
      ClientSettings settings,
      Transfers transfers,
      ExecutorService pool,
      Supplier<Preferences> prefs) {
    this.keeper = keeper;
    this.settings = settings;
    this.transfers = transfers;
    this.pool = pool;
    this.prefs = prefs;
  }

  /**
   * One scheduling pass under the given global suspension (null: none); {@code memoryTight}: start
   * no further task.
   */
  synchronized void tick(Preferences p, SuspendReason global, boolean memoryTight) {
    long nowNanos = System.nanoTime();
    long deltaMillis = (nowNanos - lastTick) / 1_000_000;
    lastTick = nowNanos;
    running.values().removeIf(r -> r.future.isDone());
    int allowed = nowNanos - memoryPressureUntil < 0 ? 1 : p.maxWorkers(settings.cores());
    int active = 0;
    boolean unload = !p.leaveAppsInMemory();
    for (Running r : running.values()) {
      boolean suspend =
          global != null || keeper.read(s -> r.task.suspendedByUser) || active >= allowed;
      r.control.setSuspended(suspend, unload && global != SuspendReason.QUITTING);
      if (!suspend) {
        active++;
        if (!r.control.paused()) {
          keeper.touch(s -> r.task.elapsedMillis += deltaMillis);
        }
      }
    }
    if (global != null || active >= allowed || (memoryTight && active > 0)) {
      return;
    }
    List<TaskState> ready = new ArrayList<>();
    keeper.read(
        s -> {
          for (ProjectState proj : s.projects) {
            for (TaskState t : proj.tasks) {
              if (t.phase.needsWorker() && !t.suspendedByUser && !running.containsKey(t.leaseId)) {
                ready.add(t);
              }
            }
          }
          return null;
        });
    ready.sort(Comparator.comparingLong(t -> t.deadlineMillis));
    for (TaskState t : ready) {
      if (active >= allowed) {
        break;
      }
      TaskControl control =
          new TaskControl(() -> prefs.get().cpuUsageLimit(), DutyCycle.Nanos.SYSTEM);
      TaskRunner runner =
          new TaskRunner(
              t,
              transfers.programFile(t.programSha256),
              transfers.slotDir(t.leaseId),
              control,
              this);
      running.put(t.leaseId, new Running(t, control, pool.submit(runner)));
      active++;
    }
  }

  /** Aborts a running task; returns false if it is not running. */
  synchronized boolean abort(String leaseId) {
    Running r = running.get(leaseId);
    if (r == null) {
      return false;
    }
    r.control.abort();
    return true;
  }

  /**
   * The lease ids that have a worker, and those computing right now (not suspended). Callers take
   * this snapshot before locking the client state: the lock order is always workers, then state
   * ({@link #tick} holds this lock while it touches the state), never the reverse.
   */
  synchronized WorkerSnapshot snapshot() {
    Set<String> runningIds = new HashSet<>();
    Set<String> activeIds = new HashSet<>();
    for (Running r : running.values()) {
      if (!r.future.isDone()) {
        runningIds.add(r.task.leaseId);
        if (!r.control.suspended()) {
          activeIds.add(r.task.leaseId);
        }
      }
    }
    return new WorkerSnapshot(runningIds, activeIds);
  }

  /** See {@link #snapshot()}. */
  record WorkerSnapshot(Set<String> running, Set<String> active) {}

  /** Stops every worker at its next pause point and waits up to {@code millis}. */
  void quit(long millis) {
    List<Running> all;
    synchronized (this) {
      all = new ArrayList<>(running.values());
    }
    all.forEach(r -> r.control.quit());
    long end = System.currentTimeMillis() + millis;
    for (Running r : all) {
      try {
        r.future.get(Math.max(1, end - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        // it is stuck inside a long prover stage or failed; the process exit ends it
      }
    }
  }

  @Override
  public void enterPhase(TaskState task, TaskPhase phase) {
    keeper.update(
        s -> {
          if (task.phase == TaskPhase.FAILED) {
            return; // aborted meanwhile: the worker stops at its next pause point
          }
          task.phase = phase;
          if (phase == TaskPhase.PROVEN) {
            task.fractionDone = 1;
            ProjectState p = owner(s, task);
            if (p != null && task.elapsedMillis > 0 && task.steps > 0) {
              double sps = task.steps / (task.elapsedMillis / 1000.0);
              p.stepsPerSecond = p.stepsPerSecond <= 0 ? sps : 0.7 * p.stepsPerSecond + 0.3 * sps;
            }
          }
        });
  }

  private static ProjectState owner(io.cairn.client.state.ClientState s, TaskState task) {
    for (ProjectState p : s.projects) {
      if (p.tasks.contains(task)) {
        return p;
      }
    }
    return null;
  }

  @Override
  public void executed(TaskState task, long steps, List<String> output) {
    keeper.update(
        s -> {
          if (task.phase == TaskPhase.FAILED) {
            return;
          }
          task.steps = steps;
          task.output = new ArrayList<>(output);
          task.phase = TaskPhase.EXECUTED;
        });
  }

  @Override
  public void checkpointed(TaskState task, long steps) {
    keeper.update(s -> task.checkpointSteps = steps);
  }

  @Override
  public void proverCheckpointed(TaskState task, String stage) {
    keeper.update(s -> task.proverStage = stage);
  }

  @Override
  public void progress(TaskState task, double fraction) {
    keeper.touch(s -> task.fractionDone = fraction);
  }

  @Override
  public void failed(TaskState task, String outcome, String reason) {
    keeper.update(
        s -> {
          if (task.phase != TaskPhase.FAILED) {
            Transfers.fail(task, outcome, reason);
          }
        });
  }

  @Override
  public void reserveProverMemory(TaskState task, TaskControl control) {
    long need = keeper.read(s -> ProverMemory.estimate(task));
    long budget = (long) (Runtime.getRuntime().maxMemory() * 0.8);
    while (true) {
      synchronized (memoryLock) {
        if (proversInMemory == 0 || reservedBytes + need <= budget) {
          proversInMemory++;
          reservedBytes += need;
          reservations.put(task.leaseId, need);
          return;
        }
        try {
          memoryLock.wait(500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new io.cairn.client.work.TaskStoppedException(
              io.cairn.client.work.TaskStoppedException.Why.QUITTING);
        }
      }
      control.pausePoint(); // outside the lock: a suspended waiter must not block releases
    }
  }

  @Override
  public void releaseProverMemory(TaskState task) {
    synchronized (memoryLock) {
      Long need = reservations.remove(task.leaseId);
      if (need != null) {
        proversInMemory--;
        reservedBytes -= need;
        memoryLock.notifyAll();
      }
    }
  }

  @Override
  public void outOfMemory(TaskState task) {
    memoryPressureUntil = System.nanoTime() + MEMORY_PRESSURE_NANOS;
    System.gc();
    keeper.update(
        s -> {
          task.memoryFailures++;
          if (task.memoryFailures >= MAX_MEMORY_FAILURES && task.phase != TaskPhase.FAILED) {
            Transfers.fail(task, "FAILED", "out of memory " + task.memoryFailures + " times");
          }
        });
  }

  @Override
  public long checkpointSteps() {
    double seconds = prefs.get().diskInterval();
    return Math.max(1 << 14, (long) (seconds * vmStepsPerSecond));
  }

  @Override
  public void vmSpeed(long steps, long nanos) {
    if (steps > 100_000 && nanos > 0) {
      vmStepsPerSecond = 0.5 * vmStepsPerSecond + 0.5 * steps / (nanos / 1e9);
    }
  }

  @Override
  public ProofOptions proofOptions() {
    return settings.proofOptions();
  }
}
