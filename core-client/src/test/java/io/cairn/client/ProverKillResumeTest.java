package io.cairn.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.blob.BlobKey;
import io.cairn.cairo.air.CairoVerifier;
import io.cairn.cairo.prover.CairoProvingJob.Stage;
import io.cairn.client.cli.Main;
import io.cairn.client.state.TaskPhase;
import io.cairn.client.state.TaskState;
import io.cairn.client.work.Proving;
import io.cairn.math.Felt;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole client (a child JVM running {@code cairn-client run}) is killed with SIGKILL while its
 * prover is between two commitment stages, and restarted on the same state directory: proving
 * resumes from the checkpoint on disk (at the stage the state file recorded, or a later one whose
 * file was complete before the kill) instead of starting over, and the one proof uploaded verifies
 * for its lease.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProverKillResumeTest {
  private static final long N = 10_000; // about 30,000 steps: a 2^15-row trace
  private static final Pattern RESUMED = Pattern.compile("proving resumes from \\S+ after (\\w+)");

  private TestProject project;

  @BeforeAll
  void start() throws Exception {
    project = new TestProject("client_prover_kill");
  }

  @AfterAll
  void stop() {
    project.close();
  }

  private long proofs() throws Exception {
    return project.queryLong("select count(*) from upload where kind = 'PROOF'");
  }

  @Test
  void provingResumesFromItsCheckpointAfterAKill(@TempDir Path dir) throws Exception {
    long id = project.uploadProgram("sum-big", TestProject.sumProgram(), 1 << 20, false);
    project.addInputGroups(id, List.of(N));
    ChildClient.attach(dir, project, "{\"suspend_cpu_usage\": 0}");
    Path log = Path.of("target", "prover-kill-client.log");
    Files.deleteIfExists(log);

    Process first = ChildClient.launch(dir, log, "2,8,0");
    Clients.await(
        "a prover checkpoint recorded in the state file",
        Duration.ofSeconds(120),
        () -> ChildClient.tasks(dir).values().stream().anyMatch(t -> t.proverStage != null));
    first.destroyForcibly(); // SIGKILL between two stages
    assertTrue(first.waitFor(20, TimeUnit.SECONDS));

    Map<String, TaskState> tasks = ChildClient.tasks(dir);
    assertEquals(1, tasks.size());
    TaskState killed = tasks.values().iterator().next();
    assertEquals(TaskPhase.PROVING, killed.phase, "killed while proving, not after");
    Stage recorded = Stage.valueOf(killed.proverStage);
    Path slot = dir.resolve("slots").resolve(killed.leaseId.replaceAll("[^A-Za-z0-9_-]", "_"));
    assertTrue(Files.exists(Proving.checkpointFile(slot)), "the checkpoint is on disk");
    assertEquals(0, proofs());

    Files.deleteIfExists(dir.resolve("control.port"));
    Process second = ChildClient.launch(dir, log, "2,8,0");
    try {
      Clients.await(
          "the proof uploaded and reported",
          Duration.ofSeconds(180),
          () -> {
            try {
              return proofs() == 1 && ChildClient.tasks(dir).isEmpty();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
    } finally {
      Main.run(new String[] {"quit", "--dir", dir.toString()});
      if (!second.waitFor(15, TimeUnit.SECONDS)) {
        second.destroyForcibly();
      }
    }

    String output = Files.readString(log);
    Matcher m = RESUMED.matcher(output);
    assertTrue(m.find(), "the restarted client resumed proving:\n" + output);
    Stage resumed = Stage.valueOf(m.group(1));
    assertTrue(
        resumed.compareTo(recorded) >= 0,
        "resumed after " + resumed + ", the state file had " + recorded);
    assertTrue(resumed.compareTo(Stage.DONE) < 0);
    assertEquals(1, project.queryLong("select count(*) from lease"), "one lease");

    byte[] program = TestProject.sumProgram();
    try (Connection c = project.testDb.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select l.token, u.blob_key from upload u join lease l on l.id = u.lease_id")) {
      assertTrue(rs.next());
      byte[] proof;
      try (InputStream in = project.blobs.open(BlobKey.parse(rs.getString(2)))) {
        proof = in.readAllBytes();
      }
      List<Felt> out = CairoVerifier.claimedOutput(proof);
      assertEquals(List.of(Felt.of(N * (N + 1) / 2)), out);
      CairoVerifier.verify(program, List.of(Felt.of(N)), out, rs.getString(1), 5, proof);
    }
  }
}
