package io.cairn.daemon;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Several daemons in one JVM, each on its own thread: the embedded default ({@code demo}) and tests
 * run them this way, with exactly the code a separate process would run.
 *
 * <pre>{@code
 * try (DaemonGroup group = DaemonGroup.start(environment, List.of("transitioner", "validator"),
 *     "demo", LoopSettings.defaults())) {
 *   ... // until shutdown
 * }
 * }</pre>
 */
public final class DaemonGroup implements AutoCloseable {
  private final List<DaemonLoop> loops;
  private final List<Thread> threads;

  private DaemonGroup(List<DaemonLoop> loops, List<Thread> threads) {
    this.loops = loops;
    this.threads = threads;
  }

  /** Builds the named daemons from their factories and starts each loop on a daemon thread. */
  public static DaemonGroup start(
      DaemonEnvironment environment, List<String> names, String instance, LoopSettings settings) {
    List<DaemonLoop> loops = new ArrayList<>();
    for (String name : names) {
      loops.add(loop(DaemonFactory.named(name), environment, instance, settings));
    }
    return startLoops(loops);
  }

  /** Starts already built loops, one thread each. */
  public static DaemonGroup startLoops(List<DaemonLoop> loops) {
    List<Thread> threads = new ArrayList<>();
    for (DaemonLoop loop : loops) {
      Thread t = new Thread(loop::runUntilStopped, "daemon-" + loop.context().daemon());
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    return new DaemonGroup(List.copyOf(loops), List.copyOf(threads));
  }

  /** Builds the loop that runs {@code factory}'s daemon as {@code instance}. */
  public static DaemonLoop loop(
      DaemonFactory factory,
      DaemonEnvironment environment,
      String instance,
      LoopSettings settings) {
    Clock clock = environment.clock();
    DaemonContext context = DaemonContext.of(factory.name(), instance, clock);
    Daemon daemon = factory.create(environment, context);
    Heartbeat heartbeat =
        new Heartbeat(
            environment.dsl(), context, environment.hostname(), ProcessHandle.current().pid());
    return new DaemonLoop(daemon, context, heartbeat, settings);
  }

  public List<DaemonLoop> loops() {
    return loops;
  }

  /** Stops every daemon (each finishes its current item) and waits for their threads. */
  @Override
  public void close() {
    loops.forEach(l -> l.context().stop().raise());
    for (int i = 0; i < loops.size(); i++) {
      loops.get(i).stopAndWait();
      try {
        threads.get(i).join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
