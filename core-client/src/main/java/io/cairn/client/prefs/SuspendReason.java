package io.cairn.client.prefs;

/** Why computing is suspended (BOINC's names, {@code lib/common_defs.h}). */
public enum SuspendReason {
  /** The donor suspended computing or this task. */
  USER_REQ,
  /** Outside start_hour..end_hour. */
  TIME_OF_DAY,
  /** Non-Cairn CPU load above suspend_cpu_usage. */
  CPU_USAGE,
  /** The client is quitting. */
  QUITTING
}
