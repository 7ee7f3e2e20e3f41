package io.cairn.apps.demo;

import org.slf4j.LoggerFactory;

/**
 * Ctrl-C and SIGTERM for the demo: stop everything in order (donors, daemons, server, then
 * PostgreSQL), then exit. A plain shutdown hook cannot do this, because the embedded PostgreSQL
 * library stops the database from its own hook, concurrently with every other hook, so the daemons
 * would see their database vanish mid-pass. The handlers replace the JVM's default ones for INT and
 * TERM; after the ordered stop, {@code System.exit} runs the remaining hooks, which find nothing
 * left to do.
 */
final class StopSignals {
  private StopSignals() {}

  /** Runs {@code stop} on SIGINT or SIGTERM, then exits with 130 or 143 as shells expect. */
  static void onInterrupt(Runnable stop) {
    install("INT", 130, stop);
    install("TERM", 143, stop);
  }

  private static void install(String name, int exitCode, Runnable stop) {
    try {
      sun.misc.Signal.handle(
          new sun.misc.Signal(name),
          signal ->
              Thread.ofPlatform()
                  .name("cairn-demo-stop")
                  .start(
                      () -> {
                        try {
                          stop.run();
                        } finally {
                          System.exit(exitCode);
                        }
                      }));
    } catch (IllegalArgumentException e) {
      // the platform has no such signal: the JVM's default handling stays
      LoggerFactory.getLogger(StopSignals.class)
          .debug("no SIG{} handler: {}", name, e.getMessage());
    }
  }
}
