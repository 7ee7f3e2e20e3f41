package io.cairn.client;

import io.cairn.client.prefs.Preferences;
import java.util.List;

/**
 * A snapshot of a client for the control CLI ({@code cairn-client status}).
 *
 * @param suspendReason why computing is suspended (USER_REQ, TIME_OF_DAY, USER_ACTIVE, CPU_USAGE),
 *     or null
 * @param foreignCpuLoad the last non-Cairn CPU load reading, 0..1
 * @param userActive the computer is in use (input within idle_time_to_run minutes, or unknown)
 * @param preferences the preferences in force
 * @param projects the attached projects
 * @param tasks every task, earliest deadline first
 */
public record ClientStatus(
    String suspendReason,
    double foreignCpuLoad,
    boolean userActive,
    Preferences preferences,
    List<Project> projects,
    List<Task> tasks) {

  /** One attached project. */
  public record Project(
      String url,
      long hostId,
      boolean noMoreWork,
      boolean detachWhenDone,
      int rpcFailures,
      long secondsToNextRpc,
      String lastMessage) {}

  /**
   * One task; {@code running}: computing now; {@code inMemory}: it has a worker (running, or
   * suspended with leave_apps_in_memory).
   */
  public record Task(
      String leaseId,
      String project,
      String kind,
      String phase,
      boolean running,
      boolean inMemory,
      boolean suspendedByUser,
      double fractionDone,
      double elapsedSeconds,
      double remainingSeconds,
      long checkpointSteps,
      String reason) {}
}
