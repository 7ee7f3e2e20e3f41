package io.cairn.cairo.prover.cli;

import java.io.PrintStream;
import java.util.Arrays;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code cairn-cairo prove|verify|statement}: proves a proof-mode Cairo program on an input,
 * verifies a proof file, or prints the statement a proof file claims.
 *
 * <p>Exit codes: 0 success, 1 proving failed or the proof was rejected, 2 usage or I/O error.
 */
public final class CairoProverCli {

  /** Success. */
  public static final int OK = 0;

  /** Proving failed or the proof was rejected. */
  public static final int REJECTED = 1;

  /** Bad arguments or unreadable files. */
  public static final int USAGE = 2;

  private CairoProverCli() {}

  /** Entry point. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command and returns its exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      usage(err);
      return USAGE;
    }
    String command = args[0];
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    Options options = options(command);
    if (options == null) {
      usage(err);
      return USAGE;
    }
    try {
      CommandLine line = new DefaultParser().parse(options, rest);
      CliCommands commands = new CliCommands(line, out, err);
      return switch (command) {
        case "prove" -> commands.prove();
        case "verify" -> commands.verify();
        default -> commands.statement();
      };
    } catch (ParseException | CliCommands.UsageException e) {
      err.println("error: " + e.getMessage());
      new HelpFormatter()
          .printHelp(
              new java.io.PrintWriter(err, true),
              100,
              "cairn-cairo " + command,
              null,
              options,
              2,
              4,
              null,
              true);
      return USAGE;
    }
  }

  private static Options options(String command) {
    Options o = new Options();
    o.addOption(required("program", "cairo-compile JSON (compiled with --proof_mode)"));
    o.addOption(value("input", "input felts, comma-separated (decimal or 0x-hex)"));
    o.addOption(value("input-file", "file of input felts, whitespace- or comma-separated"));
    o.addOption(required("lease", "lease id the proof is bound to"));
    switch (command) {
      case "prove" -> {
        o.addOption(required("out", "where to write the proof file"));
        o.addOption(value("security", "128 (default) or 100"));
        o.addOption(new Option(null, "stats", false, "print timings and peak heap"));
      }
      case "verify" -> {
        o.addOption(required("proof", "the proof file"));
        o.addOption(value("output", "expected output felts (default: the proof's claim)"));
        o.addOption(value("min-bits", "least conjectured security accepted (default 128)"));
        o.addOption(value("repeat", "verify this many times and report the best time"));
      }
      case "statement" -> o.addOption(required("proof", "the proof file"));
      default -> {
        return null;
      }
    }
    return o;
  }

  private static Option required(String name, String description) {
    Option option = value(name, description);
    option.setRequired(true);
    return option;
  }

  private static Option value(String name, String description) {
    return Option.builder().longOpt(name).hasArg().desc(description).build();
  }

  private static void usage(PrintStream err) {
    err.println("usage: cairn-cairo prove|verify|statement --program P.json --lease ID ...");
    err.println("  prove     --input 1,2 --out proof.bin [--security 128|100] [--stats]");
    err.println("  verify    --proof proof.bin [--input ...] [--output ...] [--min-bits 128]");
    err.println("  statement --proof proof.bin [--input ...]");
  }
}
