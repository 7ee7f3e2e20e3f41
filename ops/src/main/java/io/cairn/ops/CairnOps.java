package io.cairn.ops;

import io.cairn.config.CairnConfig;
import io.cairn.config.CairnConfigLoader;
import io.cairn.config.ConfigException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entry point of the ops jar: {@code java -jar cairn-ops.jar <command> ...}, which the {@code
 * bin/} scripts call.
 *
 * <pre>
 * daemon &lt;name&gt;|all [--one-pass] [--instance NAME]   run a daemon (or every daemon in daemons.run)
 * daemons                                          print the configured daemons, one per line
 * status                                           print the daemon_heartbeat table
 * xadd &lt;project-file&gt;                              add organizations and webhooks (idempotent)
 * create-work --org ORG --program NAME FILE        add input groups, one per line of FILE
 * </pre>
 *
 * <p>The configuration is the file named by {@code --config FILE} (before the command) or by {@code
 * CAIRN_CONFIG}, with {@code CAIRN_*} environment overrides. Exit codes: 0 success, 1 failure, 2
 * usage or configuration error.
 */
public final class CairnOps {
  private CairnOps() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command and returns its exit code. */
  public static int run(String[] args) {
    List<String> rest = Arrays.asList(args);
    Optional<Path> configFile = Optional.empty();
    if (rest.size() >= 2 && rest.get(0).equals("--config")) {
      configFile = Optional.of(Path.of(rest.get(1)));
      rest = rest.subList(2, rest.size());
    }
    if (rest.isEmpty()) {
      System.err.println(usage());
      return 2;
    }
    CairnConfig config;
    try {
      config =
          configFile.isPresent()
              ? CairnConfigLoader.load(configFile, System.getenv())
              : CairnConfigLoader.fromEnvironment();
    } catch (ConfigException e) {
      System.err.println("configuration error:\n" + e.getMessage());
      return 2;
    }
    String command = rest.get(0);
    List<String> arguments = rest.subList(1, rest.size());
    try {
      return switch (command) {
        case "daemon" -> DaemonCommand.run(config, arguments);
        case "daemons" -> {
          config.daemons().enabled().forEach(System.out::println);
          yield 0;
        }
        case "status" -> StatusCommand.run(config);
        case "xadd" -> Xadd.run(config, arguments);
        case "create-work" -> CreateWork.run(config, arguments);
        default -> {
          System.err.println("unknown command '" + command + "'\n" + usage());
          yield 2;
        }
      };
    } catch (UsageException e) {
      System.err.println(e.getMessage() + "\n" + usage());
      return 2;
    }
  }

  static String usage() {
    return String.join(
        "\n",
        "usage: cairn-ops [--config FILE] <command> ...",
        "  daemon <name>|all [--one-pass] [--instance NAME]",
        "  daemons",
        "  status",
        "  xadd <project-file>",
        "  create-work --org ORG --program NAME [--priority N] FILE|-");
  }

  /** Parses {@code --key value} options into a map, rejecting unknown ones. */
  static Map<String, String> options(List<String> args, List<String> known, List<String> flags) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (flags.contains(a)) {
        out.put(a, "true");
      } else if (known.contains(a)) {
        if (i + 1 >= args.size()) {
          throw new UsageException(a + " needs a value");
        }
        out.put(a, args.get(++i));
      } else if (a.startsWith("--")) {
        throw new UsageException("unknown option " + a);
      } else {
        out.merge("", a, (x, y) -> x + " " + y);
      }
    }
    return out;
  }

  /** A command line that cannot be run; exit code 2. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
