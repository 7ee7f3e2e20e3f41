package io.cairn.client.state;

import java.util.ArrayList;
import java.util.List;

/**
 * One attached project: where it is, the host's credentials there, the pinned server key, the RPC
 * pacing, and its tasks. Mutable; guarded by the client's state lock.
 */
public final class ProjectState {
  /** The server's base URL, e.g. {@code https://cairn.example.org}. */
  public String url;

  public long accountId;

  /** The account key (bearer) used to register the host. */
  public String accountKey;

  public long hostId;

  /** The host key (bearer with {@code X-Cairn-Host}). */
  public String hostKey;

  /** The server's Ed25519 public key, raw 32 bytes in base64, pinned at attach. */
  public String serverPublicKey;

  /** Ask for no new work (boinccmd's {@code nomorework}). */
  public boolean noMoreWork;

  /** Detach once the last task is reported. */
  public boolean detachWhenDone;

  /** No scheduler RPC before this time (epoch ms): next_request_delay or error back-off. */
  public long nextRpcMillis;

  /** No scheduler RPC at all before this time (epoch ms): the error back-off. */
  public long backoffUntilMillis;

  /** Scheduler RPC failures in a row (drives the exponential back-off). */
  public int rpcFailures;

  /** Effective steps per second (VM + prover) measured on finished tasks; 0 until measured. */
  public double stepsPerSecond;

  public String lastMessage;

  public List<TaskState> tasks = new ArrayList<>();
}
