package io.cairn.orgcli.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * One {@code cairn-org} command. To add one: name it ({@code "programs upload"}), describe its
 * arguments and options, and implement {@link #execute}; register it in {@link CairnOrg}. Failures
 * are thrown as {@link io.cairn.orgcli.OrgCliException}s; the return value is the exit code of a
 * run that completed (usually 0).
 */
interface Command {
  /** The command words, e.g. {@code "inputs create"}. */
  String name();

  /** The positional arguments for the help, e.g. {@code "<program>"}. */
  String arguments();

  /** One line for the command list. */
  String summary();

  /** The command's own options. */
  Options options();

  /** Runs the command. */
  int execute(CommandLine line, Cli cli);
}
