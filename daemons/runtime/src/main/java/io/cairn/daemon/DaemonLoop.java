package io.cairn.daemon;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one loop every daemon runs: pass, heartbeat, sleep when idle, back off when the pass fails
 * (the database is down; the pool reconnects when it is back), stop cleanly when asked.
 *
 * <p>A pass that did work is followed at once by the next one; a pass that did nothing is followed
 * by {@link LoopSettings#idleSleep()}. A failed pass is logged and retried after an exponential
 * back-off, so a daemon outlives a database restart without spinning.
 */
public final class DaemonLoop {
  private static final Logger log = LoggerFactory.getLogger(DaemonLoop.class);

  private final Daemon daemon;
  private final DaemonContext context;
  private final Heartbeat heartbeat;
  private final LoopSettings settings;
  private final CountDownLatch finished = new CountDownLatch(1);
  private boolean heartbeatStarted;

  public DaemonLoop(
      Daemon daemon, DaemonContext context, Heartbeat heartbeat, LoopSettings settings) {
    this.daemon = daemon;
    this.context = context;
    this.heartbeat = heartbeat;
    this.settings = settings;
  }

  public DaemonContext context() {
    return context;
  }

  /**
   * Runs one pass and records it in the heartbeat row ({@code --one-pass}).
   *
   * @throws RuntimeException if the pass fails
   */
  public PassResult runOnce() {
    startHeartbeat();
    PassResult pass = daemon.runOnePass();
    beat(pass);
    return pass;
  }

  /** Passes until the stop signal is raised, then closes the daemon. */
  public void runUntilStopped() {
    log.info("{} started as {}", context.daemon(), context.instance());
    Duration backoff = settings.minErrorBackoff();
    try {
      while (!context.stop().isRaised()) {
        PassResult pass;
        try {
          startHeartbeat();
          pass = daemon.runOnePass();
          backoff = settings.minErrorBackoff();
        } catch (RuntimeException e) {
          log.error(
              "{}: pass failed, next try in {} ms: {}",
              context.daemon(),
              backoff.toMillis(),
              e.toString(),
              e);
          context.stop().sleep(backoff);
          backoff = min(backoff.multipliedBy(2), settings.maxErrorBackoff());
          continue;
        }
        beat(pass);
        if (pass.backlog() > 0) {
          log.warn(
              "{}: behind, {} items due and not yet handled", context.daemon(), pass.backlog());
        }
        if (pass.itemsDone() == 0) {
          context.stop().sleep(settings.idleSleep());
        }
      }
    } finally {
      try {
        daemon.close();
      } finally {
        log.info("{} ({}) stopped", context.daemon(), context.instance());
        finished.countDown();
      }
    }
  }

  /** Asks the loop to stop after the current item, and waits up to the grace period. */
  public boolean stopAndWait() {
    context.stop().raise();
    try {
      return finished.await(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Makes SIGTERM (and Ctrl-C) stop this loop cleanly: the current item finishes first. */
  public void stopOnShutdown() {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(this::stopAndWait, context.daemon() + "-shutdown"));
  }

  private void startHeartbeat() {
    if (!heartbeatStarted) {
      heartbeat.started();
      heartbeatStarted = true;
    }
  }

  private void beat(PassResult pass) {
    try {
      heartbeat.beat(pass);
    } catch (RuntimeException e) {
      log.warn("{}: heartbeat not written: {}", context.daemon(), e.toString());
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
