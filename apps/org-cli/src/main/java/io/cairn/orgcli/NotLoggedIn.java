package io.cairn.orgcli;

/** The command needs a session and none is stored. */
public final class NotLoggedIn extends OrgCliException {
  public NotLoggedIn(String message) {
    super(message, null);
  }

  @Override
  public int exitCode() {
    return ExitCodes.NOT_LOGGED_IN;
  }
}
