package io.cairn.orgcli.cli;

import io.cairn.orgcli.ExitCodes;
import io.cairn.orgcli.OrgCliException;

/** The command line is malformed: exit code {@link ExitCodes#USAGE}, with the command's help. */
final class UsageException extends OrgCliException {
  UsageException(String message) {
    super(message, null);
  }

  @Override
  public int exitCode() {
    return ExitCodes.USAGE;
  }
}
