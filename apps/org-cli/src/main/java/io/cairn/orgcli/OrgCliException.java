package io.cairn.orgcli;

/**
 * A failure the CLI reports as one line on standard error and a distinct process exit code. Every
 * failure of {@link OrgClient} and of the commands is one of these; nothing else escapes to the
 * user except bugs.
 */
public abstract class OrgCliException extends RuntimeException {
  protected OrgCliException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The process exit code for this failure (see {@link ExitCodes} and {@link ServerErrorCode}). */
  public abstract int exitCode();

  /** The line printed for the user. */
  public String oneLine() {
    return getMessage();
  }
}
