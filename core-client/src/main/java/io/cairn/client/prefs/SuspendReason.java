package io.cairn.client.prefs;

/** Why computing is suspended (BOINC's names, {@code lib/common_defs.h}). */
public enum SuspendReason {
  /** The donor suspended computing or this task. */
  USER_REQ,
  /** Outside start_hour..end_hour. */
  TIME_OF_DAY,
  /** Non-Cairn CPU load above suspend_cpu_usage. */
  CPU_USAGE,
  /** Someone is using the computer and run_if_user_active is false. */
  USER_ACTIVE,
  /** The client is quitting. */
  QUITTING
}
