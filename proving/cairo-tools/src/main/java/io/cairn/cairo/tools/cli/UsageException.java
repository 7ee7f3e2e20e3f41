package io.cairn.cairo.tools.cli;

/** A command line that cannot be carried out as written: bad option, missing file, bad input. */
final class UsageException extends Exception {

  UsageException(String message) {
    super(message);
  }

  UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
