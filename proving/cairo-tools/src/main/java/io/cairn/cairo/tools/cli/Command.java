package io.cairn.cairo.tools.cli;

import java.io.PrintStream;
import org.apache.commons.cli.Options;

/** One subcommand of the {@code cairo} command line. */
interface Command {

  /** The subcommand's name, e.g. {@code run}. */
  String name();

  /** The arguments after the options, for the usage line, e.g. {@code <program>}. */
  String arguments();

  /** One line saying what the command does. */
  String summary();

  /** The options the command accepts. */
  Options options();

  /**
   * Runs the command with parsed options and positional arguments, printing results to {@code out}.
   *
   * @throws UsageException when the invocation or its inputs are malformed
   * @throws CommandFailure when the work itself fails
   */
  void execute(org.apache.commons.cli.CommandLine line, PrintStream out)
      throws UsageException, CommandFailure;
}
