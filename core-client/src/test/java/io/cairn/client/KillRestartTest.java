package io.cairn.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.client.cli.Main;
import io.cairn.client.state.TaskPhase;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the client (a child JVM running {@code cairn-client run}) at random moments, then a
 * restart on the same directory, several times: every input group ends with exactly one lease and
 * one proof, no task ever goes back to an earlier phase than the one its state file had reached,
 * and (almost) nothing is uploaded twice — an upload the server accepted just before the kill, and
 * before the client wrote UPLOADED, is sent again and answered as a duplicate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KillRestartTest {
  private static final int GROUPS = 4;
  private static final int KILLS = 3;

  private TestProject project;

  @BeforeAll
  void start() throws Exception {
    project = new TestProject("client_kill");
  }

  @AfterAll
  void stop() {
    project.close();
  }

  private static Process launch(Path dir, Path log) throws Exception {
    return ChildClient.launch(dir, log, "2,8,0");
  }

  private static Map<String, TaskPhase> phases(Path dir) {
    Map<String, TaskPhase> out = new HashMap<>();
    ChildClient.tasks(dir).forEach((lease, t) -> out.put(lease, t.phase));
    return out;
  }

  private long proofs() throws Exception {
    return project.queryLong("select count(*) from upload where kind = 'PROOF'");
  }

  @Test
  void everyTaskCompletesOnceAcrossKills(@TempDir Path dir) throws Exception {
    long id = project.uploadProgram("sum", TestProject.sumProgram(), 1 << 20, false);
    List<Long> inputs = new ArrayList<>();
    for (int i = 0; i < GROUPS; i++) {
      inputs.add(200L + 300L * i); // 600 to 3300 steps
    }
    project.addInputGroups(id, inputs);
    ChildClient.attach(dir, project, "{\"suspend_cpu_usage\": 0, \"disk_interval\": 1}");

    Path log = Path.of("target", "kill-restart-client.log");
    Files.deleteIfExists(log);
    Random random = new Random(8);
    Map<String, TaskPhase> seen = new HashMap<>();
    int kills = 0;
    for (int round = 0; round < KILLS; round++) {
      Files.deleteIfExists(dir.resolve("control.port"));
      Process p = launch(dir, log);
      // kill at a random moment once the client runs (fetching, computing, uploading, reporting)
      Clients.await(
          "the client up", Duration.ofSeconds(60), () -> Files.exists(dir.resolve("control.port")));
      Thread.sleep(1000 + random.nextInt(5000));
      p.destroyForcibly(); // SIGKILL
      assertTrue(p.waitFor(20, TimeUnit.SECONDS));
      kills++;
      Map<String, TaskPhase> now = phases(dir); // the state file is valid after every kill
      for (var e : seen.entrySet()) {
        TaskPhase after = now.get(e.getKey());
        if (after != null) {
          assertTrue(
              after.compareTo(e.getValue()) >= 0,
              e.getKey() + " went back from " + e.getValue() + " to " + after);
        }
      }
      now.forEach(
          (lease, phase) -> seen.merge(lease, phase, (a, b) -> a.compareTo(b) >= 0 ? a : b));
      if (proofs() == GROUPS) {
        break;
      }
    }
    Process last = launch(dir, log);
    try {
      Clients.await(
          "every group proven and reported",
          Duration.ofSeconds(120),
          () -> {
            try {
              return proofs() == GROUPS && phases(dir).isEmpty();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
    } finally {
      Main.run(new String[] {"quit", "--dir", dir.toString()});
      if (!last.waitFor(15, TimeUnit.SECONDS)) {
        last.destroyForcibly();
      }
    }
    assertEquals(GROUPS, project.queryLong("select count(*) from lease"), "no group leased twice");
    assertEquals(
        GROUPS,
        project.queryLong("select count(distinct lease_id) from upload where kind = 'PROOF'"),
        "one proof per lease");
    assertEquals(
        0, project.queryLong("select count(*) from lease where outcome_reason is not null"));
    String output = Files.readString(log);
    long duplicates = output.lines().filter(l -> l.contains("the server already had it")).count();
    System.out.printf("%d kills, %d duplicate uploads answered by the server%n", kills, duplicates);
    assertTrue(duplicates <= 1, "uploads repeated: " + duplicates + "\n" + output);
    assertTrue(output.contains("Cairn client started"), output);
    assertTrue(new File(dir.toFile(), "client_state.json").exists());
  }
}
