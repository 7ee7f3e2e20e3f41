package io.cairn.orgcli;

/** The server could not be reached, or answered something that is not Cairn's API. */
public final class ConnectionFailure extends OrgCliException {
  public ConnectionFailure(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int exitCode() {
    return ExitCodes.CONNECTION;
  }
}
