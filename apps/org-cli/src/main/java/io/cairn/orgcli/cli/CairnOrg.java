package io.cairn.orgcli.cli;

import io.cairn.orgcli.ExitCodes;
import io.cairn.orgcli.OrgCliException;
import io.cairn.orgcli.ServerError;
import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code cairn-org}: the organization's command line. Global options come first ({@code --server},
 * {@code --config}, {@code --json}), then the command words and the command's own options.
 *
 * <p>Every failure is one line on standard error starting with {@code cairn-org:} and a distinct
 * exit code: see {@link ExitCodes} for local failures and {@link io.cairn.orgcli.ServerErrorCode}
 * for each error code of the server.
 */
public final class CairnOrg {
  private static final List<Command> COMMANDS =
      List.of(
          new AccountCommands.Register(),
          new AccountCommands.Login(),
          new AccountCommands.Logout(),
          new AccountCommands.WhoAmI(),
          new ProgramCommands.Upload(),
          new ProgramCommands.ListPrograms(),
          new ProgramCommands.Show(),
          new ProgramCommands.Delete(),
          new InputCommands.Create(),
          new InputCommands.ListGroups(),
          new InputCommands.Show(),
          new InputCommands.Cancel(),
          new WatchCommand(),
          new ResultCommands.ListResults(),
          new ResultCommands.Download(),
          new ResultCommands.Export(),
          new VerifyCommand());

  private CairnOrg() {}

  /** Entry point of {@code cairn-org.jar}. */
  public static void main(String[] args) {
    Console console = System.console();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    System.exit(run(args, System.out, System.err, in, System.getenv(), console, Clock.systemUTC()));
  }

  /** Runs one command line in-process (tests, the demo) and returns the exit code. */
  public static int run(
      String[] args,
      PrintStream out,
      PrintStream err,
      BufferedReader in,
      Map<String, String> env,
      Console console,
      Clock clock) {
    CommandLine globals;
    try {
      globals = DefaultParser.builder().get().parse(globalOptions(), args, true);
    } catch (ParseException e) {
      err.println("cairn-org: " + e.getMessage());
      printUsage(err);
      return ExitCodes.USAGE;
    }
    List<String> rest = globals.getArgList();
    if (globals.hasOption("help") || rest.isEmpty() || rest.get(0).equals("help")) {
      printUsage(rest.isEmpty() && !globals.hasOption("help") ? err : out);
      return rest.isEmpty() && !globals.hasOption("help") ? ExitCodes.USAGE : ExitCodes.OK;
    }
    Command command = find(rest);
    if (command == null) {
      err.println("cairn-org: unknown command '" + String.join(" ", rest) + "'");
      printUsage(err);
      return ExitCodes.USAGE;
    }
    int words = command.name().split(" ").length;
    String[] commandArgs = rest.subList(words, rest.size()).toArray(String[]::new);
    if (Arrays.asList(commandArgs).contains("--help")
        || Arrays.asList(commandArgs).contains("-h")) {
      printHelp(command, out);
      return ExitCodes.OK;
    }
    Cli cli =
        new Cli(
            out,
            err,
            in,
            env,
            console,
            clock,
            globals.getOptionValue("server"),
            globals.hasOption("config") ? Path.of(globals.getOptionValue("config")) : null,
            globals.hasOption("json"));
    try {
      CommandLine line = DefaultParser.builder().get().parse(command.options(), commandArgs);
      int code = command.execute(line, cli);
      out.flush();
      return code;
    } catch (ParseException e) {
      err.println("cairn-org " + command.name() + ": " + e.getMessage());
      printHelp(command, err);
      return ExitCodes.USAGE;
    } catch (UsageException e) {
      err.println("cairn-org " + command.name() + ": " + e.getMessage());
      err.println("(see 'cairn-org " + command.name() + " --help')");
      return e.exitCode();
    } catch (OrgCliException e) {
      out.flush();
      err.println("cairn-org: " + e.oneLine());
      if (e instanceof ServerError s) {
        s.lineErrors().stream()
            .limit(20)
            .forEach(l -> err.println("  line " + l.line() + ": " + l.message()));
        if (s.lineErrors().size() > 20) {
          err.println("  … and " + (s.lineErrors().size() - 20) + " more");
        }
      }
      return e.exitCode();
    } catch (RuntimeException e) {
      out.flush();
      err.println("cairn-org: unexpected failure: " + e);
      return ExitCodes.UNEXPECTED;
    }
  }

  private static Command find(List<String> words) {
    Command best = null;
    for (Command c : COMMANDS) {
      List<String> name = List.of(c.name().split(" "));
      if (words.size() >= name.size()
          && words.subList(0, name.size()).equals(name)
          && (best == null || name.size() > best.name().split(" ").length)) {
        best = c;
      }
    }
    return best;
  }

  private static Options globalOptions() {
    return new Options()
        .addOption(
            Option.builder()
                .longOpt("server")
                .hasArg()
                .argName("url")
                .desc(
                    "the Cairn server (default: $CAIRN_SERVER, the session's, "
                        + Cli.DEFAULT_SERVER
                        + ")")
                .get())
        .addOption(
            Option.builder()
                .longOpt("config")
                .hasArg()
                .argName("file")
                .desc("the session file (default: $CAIRN_ORG_CONFIG or ~/.config/cairn/org.json)")
                .get())
        .addOption(Option.builder().longOpt("json").desc("print JSON instead of tables").get())
        .addOption(Option.builder("h").longOpt("help").desc("print this help").get());
  }

  private static void printUsage(PrintStream s) {
    s.println("usage: cairn-org [--server url] [--config file] [--json] <command> [options]");
    s.println();
    s.println("commands:");
    for (Command c : COMMANDS) {
      s.printf("  %-34s %s%n", c.name() + " " + c.arguments(), c.summary());
    }
    s.println();
    s.println("'cairn-org <command> --help' describes a command's options.");
    s.flush();
  }

  private static void printHelp(Command c, PrintStream s) {
    s.println("usage: cairn-org " + c.name() + " " + c.arguments() + " [options]");
    s.println(c.summary());
    for (Option o : c.options().getOptions()) {
      String flag =
          (o.getOpt() != null ? "-" + o.getOpt() + ", " : "")
              + "--"
              + o.getLongOpt()
              + (o.hasArg()
                  ? " <" + (o.getArgName() == null ? "value" : o.getArgName()) + ">"
                  : "");
      s.printf("  %-30s %s%n", flag, o.getDescription());
    }
    s.flush();
  }
}
