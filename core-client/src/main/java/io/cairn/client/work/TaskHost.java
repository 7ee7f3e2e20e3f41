package io.cairn.client.work;

import io.cairn.air.ProofOptions;
import io.cairn.client.state.TaskPhase;
import io.cairn.client.state.TaskState;
import java.util.List;

/**
 * What a {@link TaskRunner} reports to the client that runs it. Every method that changes a phase
 * persists the state file before returning, so that the phase on disk never runs ahead of the files
 * it needs.
 */
public interface TaskHost {
  /** The task entered {@code phase}. */
  void enterPhase(TaskState task, TaskPhase phase);

  /** The VM finished: record output and steps; the task is EXECUTED. */
  void executed(TaskState task, long steps, List<String> output);

  /** A VM checkpoint at {@code steps} is on disk. */
  void checkpointed(TaskState task, long steps);

  /**
   * A prover checkpoint after {@code stage} (a {@code CairoProvingJob.Stage} name) is on disk;
   * null: the checkpoint was deleted.
   */
  void proverCheckpointed(TaskState task, String stage);

  /** Progress for display, 0..1 (not persisted at once). */
  void progress(TaskState task, double fraction);

  /** The task failed: {@code outcome} FAILED or ABANDONED, with a reason for the server. */
  void failed(TaskState task, String outcome, String reason);

  /**
   * The task ran out of memory: it stays in its phase and runs again later with fewer tasks beside
   * it; after a few such failures it fails.
   */
  void outOfMemory(TaskState task);

  /**
   * Blocks until the prover of {@code task} fits in the heap beside the provers already running
   * (BOINC's "waiting for memory"; one prover always may run), pausing as {@code control} says
   * while it waits. Every reservation is released with {@link #releaseProverMemory}.
   */
  void reserveProverMemory(TaskState task, TaskControl control);

  /** Releases the reservation of {@link #reserveProverMemory} (no-op without one). */
  void releaseProverMemory(TaskState task);

  /** Steps between VM checkpoints (from disk_interval and the measured VM speed). */
  long checkpointSteps();

  /** The VM ran {@code steps} steps in {@code nanos} of wall time. */
  void vmSpeed(long steps, long nanos);

  /** The prover's parameters. */
  ProofOptions proofOptions();

  /** The VM's share of a task's work, for fraction-done estimates. */
  default double vmShare(String kind) {
    return kind.equals("EXECUTE") ? 1.0 : 0.1;
  }

  /** Copies of the task's input felts. */
  default List<String> input(TaskState task) {
    return List.copyOf(task.input);
  }
}
