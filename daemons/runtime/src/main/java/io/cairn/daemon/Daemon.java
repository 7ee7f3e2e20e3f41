package io.cairn.daemon;

/**
 * One back-end daemon: the work of one pass, and nothing else. The loop around it (sleeping when
 * idle, heartbeats, shutdown, {@code --one-pass}, surviving a lost database) is {@link DaemonLoop},
 * shared by every daemon.
 *
 * <p>To write a daemon:
 *
 * <ol>
 *   <li>Implement {@link #runOnePass()}: claim a bounded batch of work with {@code FOR UPDATE SKIP
 *       LOCKED} or a conditional update (so several instances can run at once), do it, and return
 *       how much was done. Return {@link PassResult#idle()} when there was nothing to do; the loop
 *       then sleeps.
 *   <li>Handle items one at a time through {@link DaemonContext#items()}: a failing item is logged
 *       with its description and skipped, and the loop stops between items on shutdown.
 *   <li>Be idempotent: the process may be killed at any instruction. Every claim and state change
 *       must be in a transaction whose commit is the point of no return.
 *   <li>Read the time from {@link DaemonContext#clock()}, never from the system, so tests can move
 *       it.
 *   <li>Register a {@link DaemonFactory} in {@code META-INF/services} so the launcher finds it by
 *       name.
 * </ol>
 */
public interface Daemon {

  /**
   * Does one bounded batch of work.
   *
   * @return how many items were handled and how many are still due
   * @throws RuntimeException only for failures of the whole pass (the database is unreachable); the
   *     loop logs them and retries after a back-off. Failures of one item must not escape.
   */
  PassResult runOnePass();

  /** Releases resources (files, HTTP clients). Called once, after the last pass. */
  default void close() {}
}
