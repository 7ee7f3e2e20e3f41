package io.cairn.apps.demo;

import io.cairn.air.ProofOptions;
import io.cairn.server.auth.Passwords;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What one demo run does: where its data goes, the HTTP port, how many donors and jobs, and the
 * STARK options donors prove with. Built from the command line by {@link #parse}; tests build it
 * directly.
 *
 * @param dataDir where PostgreSQL, blobs, donors' state and the answer file go (empty: a new
 *     temporary directory)
 * @param port the server's HTTP port (0: any free port)
 * @param donors how many donor clients to run (each on one core)
 * @param jobs how many input groups to upload (0: the app's default input groups file)
 * @param rangeWidth how many starting numbers each generated input group covers
 * @param proofOptions the STARK options donors prove with
 * @param minSecurityBits the validator's (and the organization's re-verification's) minimum
 * @param passwords the Argon2id cost of the organization's password
 * @param timeout how long to wait for the answer before giving up
 * @param progressEvery how often to print a progress line
 * @param keepRunning keep everything running after the answer, until Ctrl-C
 */
public record DemoOptions(
    Optional<Path> dataDir,
    int port,
    int donors,
    int jobs,
    long rangeWidth,
    ProofOptions proofOptions,
    int minSecurityBits,
    Passwords passwords,
    Duration timeout,
    Duration progressEvery,
    boolean keepRunning) {

  /**
   * The demo's STARK options: blowup 2 and 101 queries without grinding, about 100 bits of
   * conjectured security (the validator's default minimum); cheaper to prove than the 128-bit
   * preset for the small traces of the demo's jobs.
   */
  public static final ProofOptions DEMO_PROOF_OPTIONS = new ProofOptions(2, 101, 0);

  public static final String USAGE =
      """
      Usage: ops/bin/demo [options] [data-dir]
        --donors N       donor clients to run (default 2)
        --jobs N         Collatz input groups to upload, 4 starting numbers each
                         (default: the 24 groups of apps/examples/src/main/cairo/collatz-inputs.csv)
        --port N         HTTP port of the server, to open its status page in a browser
                         (default: any free port; the URL is printed)
        --keep-running   keep the server, daemons and donors running after the answer, until Ctrl-C
        --timeout SECONDS  give up waiting for the answer after this long (default 900)
        data-dir         where the database, blobs and donors' state go (default: a new temporary
                         directory)
      """;

  public DemoOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be 0..65535");
    }
    if (donors < 1 || donors > 64) {
      throw new IllegalArgumentException("--donors must be 1..64");
    }
    if (jobs < 0 || jobs > 100_000) {
      throw new IllegalArgumentException("--jobs must be 1..100000 (0: the default input groups)");
    }
    if (rangeWidth < 1) {
      throw new IllegalArgumentException("the range width must be >= 1");
    }
  }

  /** The demo's defaults: 2 donors, the default input groups, any port. */
  public static DemoOptions defaults() {
    return new DemoOptions(
        Optional.empty(),
        0,
        2,
        0,
        4,
        DEMO_PROOF_OPTIONS,
        100,
        Passwords.DEFAULT,
        Duration.ofMinutes(15),
        Duration.ofSeconds(3),
        false);
  }

  /**
   * Reads the command line.
   *
   * @throws IllegalArgumentException with a message for the user when it is malformed
   */
  public static DemoOptions parse(String... args) {
    DemoOptions o = defaults();
    Optional<Path> dataDir = Optional.empty();
    int port = o.port;
    int donors = o.donors;
    int jobs = o.jobs;
    boolean keep = false;
    Duration timeout = o.timeout;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--keep-running" -> keep = true;
        case "--port" -> port = number(args, ++i, a);
        case "--donors" -> donors = number(args, ++i, a);
        case "--jobs" -> {
          jobs = number(args, ++i, a);
          if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be 1..100000");
          }
        }
        case "--timeout" -> timeout = Duration.ofSeconds(number(args, ++i, a));
        default -> {
          if (a.startsWith("-") || dataDir.isPresent()) {
            throw new IllegalArgumentException("unknown argument '" + a + "'");
          }
          dataDir = Optional.of(Path.of(a));
        }
      }
    }
    return new DemoOptions(
        dataDir,
        port,
        donors,
        jobs,
        o.rangeWidth,
        o.proofOptions,
        o.minSecurityBits,
        o.passwords,
        timeout,
        o.progressEvery,
        keep);
  }

  private static int number(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a number");
    }
    try {
      return Integer.parseInt(args[i]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number, not '" + args[i] + "'");
    }
  }
}
