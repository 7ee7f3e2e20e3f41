package io.cairn.apps.demo;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one-command demo ({@code ops/bin/demo}): everything Cairn needs, started in one JVM on the
 * embedded defaults (PostgreSQL, local blobs, the project server, every daemon, donor clients); an
 * organization uploads the Collatz app with a few dozen input groups; the donors run and prove
 * them; progress lines follow the jobs until the aggregated, proof-verified answer is printed; then
 * everything stops cleanly (or keeps running with {@code --keep-running}).
 *
 * <p>Exit codes: 0 the answer was found and is right; 1 the run failed or timed out; 2 the command
 * line is malformed.
 */
public final class Demo {
  private Demo() {}

  /** Runs the demo; see {@link DemoOptions#USAGE}. */
  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      out.print(DemoOptions.USAGE);
      return;
    }
    DemoOptions options;
    try {
      options = DemoOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("demo: " + e.getMessage());
      System.err.print(DemoOptions.USAGE);
      System.exit(2);
      return;
    }
    System.exit(run(options, out));
  }

  /** Runs one demo and returns the exit code. */
  static int run(DemoOptions options, PrintStream out) throws Exception {
    DemoSession session = DemoSession.start(options, out);
    AtomicBoolean closed = new AtomicBoolean();
    Runnable stop =
        () -> {
          if (closed.compareAndSet(false, true)) {
            out.println("Stopping donors, daemons, server and PostgreSQL...");
            session.close();
            out.println("Stopped cleanly.");
          }
        };
    StopSignals.onInterrupt(stop);
    int code;
    try {
      session.awaitAnswer();
      code = 0;
    } catch (TimeoutException | DemoFailure e) {
      out.println("FAILED: " + e.getMessage());
      code = 1;
    }
    if (options.keepRunning()) {
      out.println(
          "Still running (--keep-running): status page "
              + session.cairn().url()
              + "/status; press Ctrl-C to stop.");
      new CountDownLatch(1).await(); // until Ctrl-C or SIGTERM: StopSignals stops and exits
    }
    stop.run();
    return code;
  }
}
