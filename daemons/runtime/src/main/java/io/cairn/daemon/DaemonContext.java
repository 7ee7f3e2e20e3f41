package io.cairn.daemon;

import java.time.Clock;
import java.util.Objects;

/**
 * What every daemon instance knows about itself: its name, its instance name, its clock and its
 * stop signal.
 *
 * @param daemon the daemon's name ({@code transitioner}); the heartbeat row's {@code daemon}
 * @param instance which instance this is (unique per daemon; defaults to the host name); the
 *     heartbeat row's {@code instance}
 * @param clock the only source of time the daemon may use
 * @param stop raised on shutdown
 */
public record DaemonContext(String daemon, String instance, Clock clock, StopSignal stop) {
  public DaemonContext {
    Objects.requireNonNull(daemon, "daemon");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(stop, "stop");
  }

  /** A context with a fresh stop signal. */
  public static DaemonContext of(String daemon, String instance, Clock clock) {
    return new DaemonContext(daemon, instance, clock, new StopSignal());
  }

  /** The name written in audit rows ({@code state_change.actor}): {@code daemon@instance}. */
  public String actor() {
    return daemon + "@" + instance;
  }

  /** Runs items one at a time, logging and skipping the ones that fail. */
  public ItemLoop items() {
    return new ItemLoop(daemon, stop);
  }
}
