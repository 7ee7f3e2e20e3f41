package io.cairn.cairo.tools.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.ParseException;

/**
 * The {@code cairo} command line: {@code run}, {@code assemble} and {@code disassemble}.
 *
 * <p>Exit codes: {@link #EXIT_OK} on success, {@link #EXIT_FAILURE} when the source does not
 * assemble, the program does not load or the run fails, {@link #EXIT_USAGE} when the command line
 * or an input file is malformed. Errors go to standard error as one line starting with {@code
 * cairo:}.
 */
public final class CairoCli {

  /** Success. */
  public static final int EXIT_OK = 0;

  /** The command was understood but failed (assembly error, bad program, failed run). */
  public static final int EXIT_FAILURE = 1;

  /** The command line or its input was malformed. */
  public static final int EXIT_USAGE = 2;

  private static final List<Command> COMMANDS =
      List.of(new RunCommand(), new AssembleCommand(), new DisassembleCommand());

  private CairoCli() {}

  /** Entry point of the runnable jar. */
  public static void main(String[] args) {
    System.exit(execute(args, System.out, System.err));
  }

  /** Runs one command line, printing to the given streams, and returns the exit code. */
  public static int execute(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      printUsage(args.length == 0 ? err : out);
      return args.length == 0 ? EXIT_USAGE : EXIT_OK;
    }
    Command command =
        COMMANDS.stream().filter(c -> c.name().equals(args[0])).findFirst().orElse(null);
    if (command == null) {
      err.println("cairo: unknown command '" + args[0] + "'");
      printUsage(err);
      return EXIT_USAGE;
    }
    String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
    if (List.of(rest).contains("--help") || List.of(rest).contains("-h")) {
      printHelp(command, out);
      return EXIT_OK;
    }
    try {
      CommandLine line = DefaultParser.builder().get().parse(command.options(), rest);
      command.execute(line, out);
      out.flush();
      return EXIT_OK;
    } catch (ParseException | UsageException e) {
      err.println("cairo " + command.name() + ": " + e.getMessage());
      err.println("Try 'cairo " + command.name() + " --help'.");
      return EXIT_USAGE;
    } catch (CommandFailure e) {
      err.println("cairo " + command.name() + ": " + e.getMessage());
      return EXIT_FAILURE;
    }
  }

  /** The one positional argument, as a path. */
  static Path singleArgument(CommandLine line, String what) throws UsageException {
    List<String> args = line.getArgList();
    if (args.size() != 1) {
      throw new UsageException("expected exactly one argument " + what + ", got " + args.size());
    }
    return Path.of(args.get(0));
  }

  private static void printUsage(PrintStream stream) {
    stream.println("usage: cairo <command> [options]");
    stream.println();
    for (Command c : COMMANDS) {
      stream.printf("  %-12s %s%n", c.name(), c.summary());
    }
    stream.println();
    stream.println("'cairo <command> --help' lists a command's options.");
  }

  private static void printHelp(Command command, PrintStream stream) {
    stream.println("usage: cairo " + command.name() + " [options] " + command.arguments());
    stream.println(command.summary());
    stream.println();
    for (Option option : command.options().getOptions()) {
      String names =
          (option.getOpt() == null ? "    " : "-" + option.getOpt() + ", ")
              + "--"
              + option.getLongOpt()
              + (option.hasArg() ? " <" + option.getArgName() + ">" : "");
      stream.printf("  %-28s %s%n", names, option.getDescription());
    }
  }
}
