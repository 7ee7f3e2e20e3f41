package io.cairn.client.state;

import java.util.ArrayList;
import java.util.List;

/**
 * One leased task as the client persists it. A plain mutable record of fields serialized as JSON;
 * every field is read and written only under the owning client's state lock.
 */
public final class TaskState {
  /** The lease id: the task's name. */
  public String leaseId;

  /** EXECUTE_AND_PROVE, EXECUTE or PROVE. */
  public String kind;

  public long inputGroupId;
  public long programId;
  public String programUrl;
  public String programSha256;

  /** The server's Ed25519 signature over {@code "cairn-program-v1:" + sha256}, base64. */
  public String programSignature;

  /** The input felts, decimal. */
  public List<String> input = new ArrayList<>();

  public long maxSteps;

  /** The lease deadline, epoch milliseconds. */
  public long deadlineMillis;

  public String uploadUrl;
  public String traceUrl;
  public TaskPhase phase = TaskPhase.NEW;

  /** VM steps done at the last checkpoint (0: none). */
  public long checkpointSteps;

  /**
   * The prover stage ({@code CairoProvingJob.Stage} name) of the checkpoint in the slot directory
   * (null: none); proving resumes after it.
   */
  public String proverStage;

  /** Executed steps, once EXECUTED. */
  public long steps;

  /** The output felts, decimal, once EXECUTED. */
  public List<String> output = new ArrayList<>();

  /** Estimated fraction done, 0..1 (at the last checkpoint after a restart). */
  public double fractionDone;

  /** Wall time spent computing, milliseconds (summed over runs). */
  public long elapsedMillis;

  /** Suspended by the user (control CLI). */
  public boolean suspendedByUser;

  /** For FAILED tasks: FAILED or ABANDONED, and why. */
  public String outcome;

  public String reason;

  /** Failed transfer attempts in a row, and when the next may start (epoch ms). */
  public int transferFailures;

  public long nextTransferMillis;

  /** Times the task ran out of memory. */
  public int memoryFailures;

  /** The report was acknowledged by the server. */
  public boolean reportAcked;
}
