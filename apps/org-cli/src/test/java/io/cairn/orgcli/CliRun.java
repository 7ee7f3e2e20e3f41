package io.cairn.orgcli;

import io.cairn.orgcli.cli.CairnOrg;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@code cairn-org} in-process against one server and one session file. */
final class CliRun {
  /** What a run printed and returned. */
  record Outcome(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  private final String server;
  private final Path config;

  CliRun(String server, Path config) {
    this.server = server;
    this.config = config;
  }

  Outcome run(String... args) {
    return runWithStdin("", args);
  }

  Outcome runWithStdin(String stdin, String... args) {
    List<String> all = new ArrayList<>(List.of("--server", server, "--config", config.toString()));
    all.addAll(List.of(args));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        CairnOrg.run(
            all.toArray(String[]::new),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            new BufferedReader(new StringReader(stdin)),
            Map.of(),
            null,
            Clock.systemUTC());
    return new Outcome(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
