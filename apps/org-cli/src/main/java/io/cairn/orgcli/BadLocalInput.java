package io.cairn.orgcli;

/** A local file or value given to the CLI is missing or malformed; nothing was sent. */
public final class BadLocalInput extends OrgCliException {
  public BadLocalInput(String message) {
    super(message, null);
  }

  public BadLocalInput(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int exitCode() {
    return ExitCodes.BAD_LOCAL_INPUT;
  }
}
