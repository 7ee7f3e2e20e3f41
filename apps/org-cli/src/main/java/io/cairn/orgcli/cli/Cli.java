package io.cairn.orgcli.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.cairn.orgcli.Json;
import io.cairn.orgcli.OrgClient;
import io.cairn.orgcli.SessionFile;
import io.cairn.orgcli.model.Session;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;

/**
 * What a command runs against: its output streams, standard input, the environment, the session
 * file and the server URL chosen from the global options, and the {@link OrgClient} built from
 * them. Tests build one with their own streams and environment.
 */
final class Cli {
  /** The server when neither {@code --server}, {@code CAIRN_SERVER} nor a session names one. */
  static final String DEFAULT_SERVER = "http://127.0.0.1:8080";

  final PrintStream out;
  final PrintStream err;
  final BufferedReader in;
  final Map<String, String> env;
  final Console console;
  final Clock clock;
  private final String serverOption;
  private final SessionFile sessionFile;
  private final boolean json;
  private OrgClient client;

  Cli(
      PrintStream out,
      PrintStream err,
      BufferedReader in,
      Map<String, String> env,
      Console console,
      Clock clock,
      String serverOption,
      Path configOption,
      boolean json) {
    this.out = out;
    this.err = err;
    this.in = in;
    this.env = env;
    this.console = console;
    this.clock = clock;
    this.serverOption = serverOption;
    this.sessionFile =
        new SessionFile(configOption != null ? configOption : SessionFile.defaultPath(env));
    this.json = json;
  }

  SessionFile sessionFile() {
    return sessionFile;
  }

  /** {@code --server}, else {@code CAIRN_SERVER}, else the stored session's, else the default. */
  String server() {
    if (serverOption != null) {
      return serverOption;
    }
    String fromEnv = env.get("CAIRN_SERVER");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    return sessionFile.load().map(Session::server).orElse(DEFAULT_SERVER);
  }

  OrgClient client() {
    if (client == null) {
      client = new OrgClient(server(), sessionFile, clock);
    }
    return client;
  }

  /** True when the user asked for JSON output ({@code --json}). */
  boolean json() {
    return json;
  }

  void printJson(Object value) {
    try {
      out.println(Json.MAPPER.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The password: {@code --password-stdin} (first line of standard input), else {@code
   * CAIRN_ORG_PASSWORD}, else a prompt on the terminal.
   */
  String password(CommandLine line, String prompt) {
    if (line.hasOption("password-stdin")) {
      try {
        String p = in.readLine();
        if (p == null || p.isEmpty()) {
          throw new UsageException("no password on standard input");
        }
        return p;
      } catch (IOException e) {
        throw new UsageException("cannot read the password from standard input");
      }
    }
    String fromEnv = env.get("CAIRN_ORG_PASSWORD");
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return fromEnv;
    }
    if (console != null) {
      char[] p = console.readPassword("%s", prompt);
      if (p != null && p.length > 0) {
        return new String(p);
      }
    }
    throw new UsageException(
        "give the password with --password-stdin or CAIRN_ORG_PASSWORD (no terminal to ask on)");
  }

  /** The single positional argument of a command. */
  static String oneArgument(CommandLine line, String what) {
    List<String> args = line.getArgList();
    if (args.size() != 1) {
      throw new UsageException("expected " + what + (args.isEmpty() ? "" : ", got " + args));
    }
    return args.get(0);
  }

  /** An option's value as a positive-or-zero long, if present. */
  static Optional<Long> longOption(CommandLine line, String name, long min, long max) {
    String v = line.getOptionValue(name);
    if (v == null) {
      return Optional.empty();
    }
    try {
      long l = Long.parseLong(v.trim());
      if (l >= min && l <= max) {
        return Optional.of(l);
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new UsageException("--" + name + " must be an integer between " + min + " and " + max);
  }

  /** A required option. */
  static String required(CommandLine line, String name) {
    String v = line.getOptionValue(name);
    if (v == null) {
      throw new UsageException("--" + name + " is required");
    }
    return v;
  }
}
