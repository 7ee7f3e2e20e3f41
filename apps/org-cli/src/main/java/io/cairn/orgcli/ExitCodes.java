package io.cairn.orgcli;

/**
 * Exit codes of {@code cairn-org} for failures that are not a server error code. Server error codes
 * have their own exit codes, from 10 up ({@link ServerErrorCode#exitCode()}).
 */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;

  /** A bug or an unexpected failure (printed with its type). */
  public static final int UNEXPECTED = 1;

  /** The command line is malformed (unknown command, missing or bad option). */
  public static final int USAGE = 2;

  /** A local file or value is missing or malformed (program file, inputs file, felts). */
  public static final int BAD_LOCAL_INPUT = 3;

  /** The server cannot be reached, or its answer is not Cairn's API. */
  public static final int CONNECTION = 4;

  /** No stored session: run {@code cairn-org login} first. */
  public static final int NOT_LOGGED_IN = 5;

  /** A proof was rejected by the local verifier. */
  public static final int PROOF_REJECTED = 6;

  /** {@code watch} was interrupted before the program finished. */
  public static final int INTERRUPTED = 7;

  private ExitCodes() {}
}
