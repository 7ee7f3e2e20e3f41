package io.cairn.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.air.ProofOptions;
import io.cairn.client.ClientSettings;
import io.cairn.client.CoreClient;
import io.cairn.client.control.ControlClient;
import io.cairn.client.control.ControlClient.ControlException;
import io.cairn.client.rpc.ServerException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code cairn-client}: the donor's daemon and its control commands, in the spirit of BOINC's
 * {@code boinc} and {@code boinccmd}.
 *
 * <pre>
 *   cairn-client run [--dir D] [--cores N] [--execute-only]       the daemon (run it under nice -n 19)
 *   cairn-client attach --url U (--key K | --email E --password P)
 *   cairn-client status [--watch]
 *   cairn-client suspend|resume [--task LEASE]
 *   cairn-client abort --task LEASE
 *   cairn-client set-pref NAME VALUE
 *   cairn-client no-more-work|allow-more-work [--project U]
 *   cairn-client detach --project U
 *   cairn-client quit
 * </pre>
 *
 * The state directory is {@code --dir}, else {@code $CAIRN_CLIENT_DIR}, else {@code
 * ~/.cairn-client}. Exit codes: 0 success, 1 the command failed, 2 bad usage.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs one command; returns the exit code. */
  public static int run(String[] args) {
    if (args.length == 0) {
      usage();
      return 2;
    }
    String command = args[0];
    Options options = options();
    CommandLine cl;
    try {
      cl = new DefaultParser().parse(options, Arrays.copyOfRange(args, 1, args.length));
    } catch (ParseException e) {
      System.err.println(e.getMessage());
      usage();
      return 2;
    }
    Path dir = stateDir(cl);
    try {
      return switch (command) {
        case "run" -> runDaemon(cl, dir);
        case "attach" -> attach(cl, dir);
        case "status" -> status(cl, dir);
        case "suspend", "resume" -> ok(control(dir).post("/" + command, task(cl, false)));
        case "abort" -> ok(control(dir).post("/abort", task(cl, true)));
        case "set-pref" -> setPref(cl, dir);
        case "no-more-work", "allow-more-work" ->
            ok(
                control(dir)
                    .post(
                        "/no-more-work",
                        params(
                            "project",
                            cl.getOptionValue("project"),
                            "value",
                            Boolean.toString(command.equals("no-more-work")))));
        case "detach" ->
            ok(control(dir).post("/detach", params("project", required(cl, "project"))));
        case "quit" -> ok(control(dir).post("/quit", Map.of()));
        default -> {
          System.err.println("unknown command " + command);
          usage();
          yield 2;
        }
      };
    } catch (UsageException e) {
      System.err.println(e.getMessage());
      return 2;
    } catch (ControlException | ServerException | IOException e) {
      System.err.println("cairn-client " + command + ": " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } catch (IllegalArgumentException e) {
      System.err.println("cairn-client " + command + ": " + e.getMessage());
      return 2;
    }
  }

  private static Options options() {
    Options o = new Options();
    o.addOption(Option.builder().longOpt("dir").hasArg().desc("state directory").get());
    o.addOption(Option.builder().longOpt("cores").hasArg().desc("CPUs the client may use").get());
    o.addOption(Option.builder().longOpt("execute-only").desc("ask for EXECUTE leases only").get());
    o.addOption(
        Option.builder()
            .longOpt("proof-options")
            .hasArg()
            .desc("STARK blowup,queries,grinding bits (default 4,55,20: 128-bit)")
            .get());
    o.addOption(
        Option.builder()
            .longOpt("kinds")
            .hasArg()
            .desc("lease kinds, comma-separated: EXECUTE_AND_PROVE,EXECUTE")
            .get());
    o.addOption(Option.builder().longOpt("url").hasArg().desc("project URL").get());
    o.addOption(Option.builder().longOpt("key").hasArg().desc("account key").get());
    o.addOption(Option.builder().longOpt("email").hasArg().get());
    o.addOption(Option.builder().longOpt("password").hasArg().get());
    o.addOption(Option.builder().longOpt("task").hasArg().desc("lease id").get());
    o.addOption(Option.builder().longOpt("project").hasArg().desc("project URL").get());
    o.addOption(Option.builder().longOpt("watch").desc("refresh every second").get());
    return o;
  }

  private static void usage() {
    System.err.println(
        "usage: cairn-client run|attach|status|suspend|resume|abort|set-pref|no-more-work|"
            + "allow-more-work|detach|quit [options]");
    new HelpFormatter()
        .printOptions(new java.io.PrintWriter(System.err, true), 100, options(), 2, 2);
  }

  private static Path stateDir(CommandLine cl) {
    if (cl.hasOption("dir")) {
      return Path.of(cl.getOptionValue("dir"));
    }
    String env = System.getenv("CAIRN_CLIENT_DIR");
    return env != null ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cairn-client");
  }

  private static ClientSettings settings(CommandLine cl) {
    ClientSettings.Builder b = ClientSettings.builder();
    if (cl.hasOption("cores")) {
      b.cores = Integer.parseInt(cl.getOptionValue("cores"));
    }
    if (cl.hasOption("execute-only")) {
      b.kinds = Set.of("EXECUTE");
    }
    if (cl.hasOption("kinds")) {
      b.kinds = Set.of(cl.getOptionValue("kinds").split(","));
    }
    if (cl.hasOption("proof-options")) {
      String[] p = cl.getOptionValue("proof-options").split(",");
      if (p.length != 3) {
        throw new IllegalArgumentException("--proof-options takes blowup,queries,grinding");
      }
      b.proofOptions =
          new ProofOptions(
              Integer.parseInt(p[0].trim()),
              Integer.parseInt(p[1].trim()),
              Integer.parseInt(p[2].trim()));
    }
    return b.build();
  }

  private static int runDaemon(CommandLine cl, Path dir) throws IOException, InterruptedException {
    CoreClient client = CoreClient.start(settings(cl), dir);
    Runtime.getRuntime().addShutdownHook(new Thread(client::close, "cairn-client-stop"));
    System.out.println(
        "cairn-client running in " + dir + " (control port " + client.controlPort() + ")");
    client.awaitClosed();
    return 0;
  }

  private static int attach(CommandLine cl, Path dir)
      throws ControlException, ServerException, IOException, UsageException {
    String url = required(cl, "url");
    String key = cl.getOptionValue("key");
    if (key == null && !(cl.hasOption("email") && cl.hasOption("password"))) {
      throw new UsageException("attach needs --key, or --email and --password");
    }
    ControlClient control;
    try {
      control = new ControlClient(dir);
    } catch (ControlException notRunning) {
      CoreClient.attachOffline(
          settings(cl), dir, url, key, cl.getOptionValue("email"), cl.getOptionValue("password"));
      System.out.println("attached to " + url);
      return 0;
    }
    return ok(
        control.post(
            "/attach",
            key != null
                ? params("url", url, "key", key)
                : params(
                    "url",
                    url,
                    "email",
                    cl.getOptionValue("email"),
                    "password",
                    cl.getOptionValue("password"))));
  }

  private static int status(CommandLine cl, Path dir)
      throws ControlException, InterruptedException {
    ControlClient control = control(dir);
    if (!cl.hasOption("watch")) {
      StatusPrinter.print(control.status(), System.out);
      return 0;
    }
    while (true) {
      JsonNode s = control.status();
      System.out.print("\033[H\033[2J");
      StatusPrinter.print(s, System.out);
      System.out.flush();
      Thread.sleep(1000);
    }
  }

  private static int setPref(CommandLine cl, Path dir) throws ControlException, UsageException {
    String[] rest = cl.getArgs();
    if (rest.length != 2) {
      throw new UsageException("set-pref NAME VALUE, e.g. set-pref cpu_usage_limit 60");
    }
    JsonNode prefs = control(dir).post("/prefs", params("name", rest[0], "value", rest[1]));
    System.out.println(prefs.toPrettyString());
    return 0;
  }

  private static ControlClient control(Path dir) throws ControlException {
    return new ControlClient(dir);
  }

  private static Map<String, String> task(CommandLine cl, boolean required) throws UsageException {
    return params("task", required ? required(cl, "task") : cl.getOptionValue("task"));
  }

  private static String required(CommandLine cl, String name) throws UsageException {
    String v = cl.getOptionValue(name);
    if (v == null) {
      throw new UsageException("--" + name + " is required");
    }
    return v;
  }

  private static Map<String, String> params(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i + 1] != null) {
        m.put(kv[i], kv[i + 1]);
      }
    }
    return m;
  }

  private static int ok(JsonNode reply) {
    System.out.println("ok");
    return 0;
  }

  /** Bad command-line usage (exit code 2). */
  private static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }
}
