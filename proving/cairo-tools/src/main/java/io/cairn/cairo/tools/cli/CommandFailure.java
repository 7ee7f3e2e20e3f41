package io.cairn.cairo.tools.cli;

/**
 * A command that was invoked correctly but failed: the source does not assemble, the program does
 * not load, or the run fails. The CLI exits with {@link CairoCli#EXIT_FAILURE}.
 */
final class CommandFailure extends Exception {

  CommandFailure(String message) {
    super(message);
  }
}
