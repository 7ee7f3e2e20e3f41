package io.cairn.client.work;

/**
 * Thrown at a worker's pause point when its task must stop running: aborted by the donor (the task
 * fails), or unloaded because it was suspended with leave_apps_in_memory off or the client quits
 * (the task resumes later from its last checkpoint). Unchecked so that it can leave the VM's
 * callbacks.
 */
public final class TaskStoppedException extends RuntimeException {
  /** Why the task stopped. */
  public enum Why {
    /** The donor aborted the task. */
    ABORTED,
    /** Suspended and unloaded from memory; it resumes from its checkpoint. */
    UNLOADED,
    /** The client is shutting down. */
    QUITTING
  }

  private final Why why;

  /** A stop for {@code why}. */
  public TaskStoppedException(Why why) {
    super("task stopped: " + why, null, false, false);
    this.why = why;
  }

  /** Why the task stopped. */
  public Why why() {
    return why;
  }
}
