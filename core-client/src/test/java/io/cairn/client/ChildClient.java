package io.cairn.client;

import io.cairn.client.cli.Main;
import io.cairn.client.state.ClientState;
import io.cairn.client.state.ProjectState;
import io.cairn.client.state.StateStore;
import io.cairn.client.state.TaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A client in a child JVM ({@code cairn-client run}), for tests that kill it with SIGKILL. */
final class ChildClient {
  private ChildClient() {}

  /** Starts {@code cairn-client run} on {@code dir}, appending its output to {@code log}. */
  static Process launch(Path dir, Path log, String proofOptions) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        List.of(
            java,
            "-Xmx1g",
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "run",
            "--dir",
            dir.toString(),
            "--cores",
            "2",
            "--proof-options",
            proofOptions);
    return new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  /**
   * Prepares {@code dir} for a child client: writes the preferences override {@code prefsJson}
   * (tests turn suspend_cpu_usage off: other builds load the machine) and attaches it to {@code
   * project} with the donor's account key, through the CLI.
   */
  static void attach(Path dir, TestProject project, String prefsJson) throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("global_prefs_override.json"), prefsJson);
    int rc =
        Main.run(
            new String[] {
              "attach",
              "--dir",
              dir.toString(),
              "--url",
              project.url(),
              "--key",
              project.accountKey()
            });
    if (rc != 0) {
      throw new IllegalStateException("cairn-client attach exited with " + rc);
    }
  }

  /** The tasks of the state file in {@code dir} by lease id (empty if there is none). */
  static Map<String, TaskState> tasks(Path dir) {
    Map<String, TaskState> out = new HashMap<>();
    new StateStore<>(dir.resolve("client_state.json"), ClientState.class)
        .load()
        .ifPresent(
            s -> {
              for (ProjectState p : s.projects) {
                for (TaskState t : p.tasks) {
                  out.put(t.leaseId, t);
                }
              }
            });
    return out;
  }
}
