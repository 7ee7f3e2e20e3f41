package io.cairn.orgcli.cli;

import io.cairn.orgcli.ExitCodes;
import io.cairn.orgcli.NotLoggedIn;
import io.cairn.orgcli.model.Registration;
import io.cairn.orgcli.model.Session;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code register}, {@code login}, {@code logout} and {@code whoami}. */
final class AccountCommands {
  private AccountCommands() {}

  private static Option passwordStdin() {
    return Option.builder()
        .longOpt("password-stdin")
        .desc("read the password from the first line of standard input")
        .get();
  }

  private static Option username() {
    return Option.builder("u").longOpt("username").hasArg().argName("name").desc("user name").get();
  }

  /** {@code register --username u --name org [--public-name …] [--description …]}. */
  static final class Register implements Command {
    @Override
    public String name() {
      return "register";
    }

    @Override
    public String arguments() {
      return "";
    }

    @Override
    public String summary() {
      return "create an organization account with its first user";
    }

    @Override
    public Options options() {
      return new Options()
          .addOption(username())
          .addOption(
              Option.builder()
                  .longOpt("name")
                  .hasArg()
                  .argName("name")
                  .desc("the organization's unique short name (default: the username)")
                  .get())
          .addOption(
              Option.builder()
                  .longOpt("public-name")
                  .hasArg()
                  .argName("text")
                  .desc("the name donors see")
                  .get())
          .addOption(
              Option.builder()
                  .longOpt("description")
                  .hasArg()
                  .argName("text")
                  .desc("what the organization computes")
                  .get())
          .addOption(passwordStdin())
          .addOption(Option.builder().longOpt("login").desc("log in right after").get());
    }

    @Override
    public int execute(CommandLine line, Cli cli) {
      String username = Cli.required(line, "username");
      String password = cli.password(line, "password for " + username + ": ");
      if (password.length() < 8) {
        throw new UsageException("the password needs at least 8 characters");
      }
      Registration r =
          cli.client()
              .register(
                  username,
                  password,
                  line.getOptionValue("name", username),
                  line.getOptionValue("public-name"),
                  line.getOptionValue("description"));
      cli.out.println(
          "registered organization '"
              + r.name()
              + "' (id "
              + r.organizationId()
              + ") with user '"
              + username
              + "' on "
              + cli.client().server());
      if (line.hasOption("login")) {
        Session s = cli.client().login(username, password);
        cli.out.println("logged in; session saved in " + cli.sessionFile().path());
        return s == null ? ExitCodes.UNEXPECTED : ExitCodes.OK;
      }
      return ExitCodes.OK;
    }
  }

  /** {@code login --username u}: stores the session in the config file (0600). */
  static final class Login implements Command {
    @Override
    public String name() {
      return "login";
    }

    @Override
    public String arguments() {
      return "";
    }

    @Override
    public String summary() {
      return "log in and save the session (owner-only file)";
    }

    @Override
    public Options options() {
      return new Options().addOption(username()).addOption(passwordStdin());
    }

    @Override
    public int execute(CommandLine line, Cli cli) {
      String username = Cli.required(line, "username");
      String password = cli.password(line, "password for " + username + ": ");
      Session s = cli.client().login(username, password);
      cli.out.println(
          "logged in to "
              + s.server()
              + " as "
              + username
              + " (organization "
              + s.organizationId()
              + "); session saved in "
              + cli.sessionFile().path());
      return ExitCodes.OK;
    }
  }

  /** {@code logout}: revokes the refresh token and deletes the session file. */
  static final class Logout implements Command {
    @Override
    public String name() {
      return "logout";
    }

    @Override
    public String arguments() {
      return "";
    }

    @Override
    public String summary() {
      return "revoke the session on the server and forget it";
    }

    @Override
    public Options options() {
      return new Options();
    }

    @Override
    public int execute(CommandLine line, Cli cli) {
      boolean revoked = cli.client().logout();
      cli.out.println(
          revoked ? "logged out" : "logged out (the server had already forgotten the session)");
      return ExitCodes.OK;
    }
  }

  /** {@code whoami}: the stored session. */
  static final class WhoAmI implements Command {
    @Override
    public String name() {
      return "whoami";
    }

    @Override
    public String arguments() {
      return "";
    }

    @Override
    public String summary() {
      return "show the stored session";
    }

    @Override
    public Options options() {
      return new Options();
    }

    @Override
    public int execute(CommandLine line, Cli cli) {
      Session s = cli.sessionFile().load().orElseThrow(() -> new NotLoggedIn("not logged in"));
      if (cli.json()) {
        cli.printJson(
            java.util.Map.of(
                "server", s.server(),
                "username", s.username(),
                "organization_id", s.organizationId(),
                "refresh_token_expires_at", String.valueOf(s.refreshTokenExpiresAt())));
      } else {
        cli.out.println(
            s.username()
                + " of organization "
                + s.organizationId()
                + " on "
                + s.server()
                + " (session valid until "
                + s.refreshTokenExpiresAt()
                + ")");
      }
      return ExitCodes.OK;
    }
  }
}
