package io.cairn.client;

import io.cairn.client.prefs.Preferences;
import io.cairn.client.state.ProjectState;
import io.cairn.client.state.TaskState;

/**
 * BOINC's work buffer in seconds: a task's remaining time is estimated from its max_steps and the
 * measured effective speed (VM and prover together); the queue is the sum over unfinished tasks
 * divided by the usable workers. Below work_buf_min the client asks for enough to reach
 * work_buf_min + work_buf_additional; otherwise for nothing.
 */
final class WorkBuffer {
  private WorkBuffer() {}

  static double stepsPerSecond(ProjectState p, ClientSettings settings) {
    return p.stepsPerSecond > 0 ? p.stepsPerSecond : settings.initialStepsPerSecond();
  }

  /** Estimated seconds left for {@code t} on one worker. */
  static double remainingSeconds(TaskState t, double stepsPerSecond) {
    return t.maxSteps / stepsPerSecond * (1 - t.fractionDone);
  }

  /** Seconds of work queued per worker. */
  static double queuedSeconds(ProjectState p, int workers, ClientSettings settings) {
    double sps = stepsPerSecond(p, settings);
    double sum = 0;
    for (TaskState t : p.tasks) {
      if (t.phase.beforeProven()) {
        sum += remainingSeconds(t, sps);
      }
    }
    return sum / workers;
  }

  /** The seconds of work to ask for, 0 when the buffer is above its minimum. */
  static double requestSeconds(
      ProjectState p, Preferences prefs, int workers, ClientSettings settings) {
    double queued = queuedSeconds(p, workers, settings);
    long busyWorkers = p.tasks.stream().filter(t -> t.phase.beforeProven()).count();
    if (queued >= prefs.workBufMinSeconds() && busyWorkers >= workers) {
      return 0;
    }
    return Math.max(1, prefs.workBufMinSeconds() + prefs.workBufAdditionalSeconds() - queued);
  }

  /**
   * A cap on jobs for a request of {@code seconds}: enough to fill it, at least one per idle
   * worker.
   */
  static int maxJobs(ProjectState p, double seconds, int workers, ClientSettings settings) {
    long busy = p.tasks.stream().filter(t -> t.phase.beforeProven()).count();
    double typicalSteps = p.tasks.stream().mapToLong(t -> t.maxSteps).average().orElse(1_000_000);
    double perJob = typicalSteps / stepsPerSecond(p, settings) / workers;
    long fill = (long) Math.ceil(seconds / Math.max(1, perJob));
    long idle = Math.max(0, workers - busy);
    return (int) Math.max(1, Math.min(4L * workers, Math.max(fill, idle)));
  }
}
