package io.cairn.client.state;

/**
 * Where a task is in its life on this host. Each phase is persisted before the work of the next one
 * starts, so a restart resumes at the last phase reached (and, inside EXECUTING, at the last VM
 * checkpoint).
 */
public enum TaskPhase {
  /** Leased by the server; the program is not here yet. */
  NEW,
  /** The program file is on disk. */
  DOWNLOADED,
  /** Its sha256 and the server's Ed25519 signature checked out; it may run. */
  VERIFIED,
  /** The VM is running (checkpoints under the task's slot directory). */
  EXECUTING,
  /** The VM finished: output and step count known. */
  EXECUTED,
  /** The prover is running. */
  PROVING,
  /** The proof (or, for execution-only leases, the trace bundle) is on disk. */
  PROVEN,
  /** The server accepted the upload. */
  UPLOADED,
  /** The server acknowledged the report; the task can be forgotten. */
  REPORTED,
  /** The task failed or was aborted; reported as FAILED or ABANDONED. */
  FAILED;

  /** Whether this phase needs a CPU worker. */
  public boolean needsWorker() {
    return this == VERIFIED || this == EXECUTING || this == EXECUTED || this == PROVING;
  }

  /** Whether the task still has computing to do. */
  public boolean beforeProven() {
    return compareTo(PROVEN) < 0;
  }
}
