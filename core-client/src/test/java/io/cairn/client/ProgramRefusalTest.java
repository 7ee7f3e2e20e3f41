package io.cairn.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program whose download is corrupted, or whose signature does not verify with the key pinned at
 * attach, is never run: the task fails, is reported, and nothing is uploaded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgramRefusalTest {
  private TestProject project;

  @BeforeAll
  void start() throws Exception {
    project = new TestProject("client_refusal");
  }

  @AfterAll
  void stop() {
    project.close();
  }

  private void runUntilReported(Path stateDir, String reasonPart) throws Exception {
    try (CoreClient client = CoreClient.start(Clients.fast(new FixedSensor()).build(), stateDir)) {
      client.attach(project.url(), project.accountKey());
      Clients.await(
          "the refusal reported to the server",
          Duration.ofSeconds(60),
          () -> {
            try {
              return project.queryLong(
                      "select count(*) from lease where outcome_reason like '%" + reasonPart + "%'")
                  >= 1;
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
    }
    assertEquals(0, project.queryLong("select count(*) from upload"));
    Path slots = stateDir.resolve("slots");
    if (Files.exists(slots)) {
      try (Stream<Path> files = Files.walk(slots)) {
        assertFalse(files.anyMatch(Files::isRegularFile), "nothing was executed");
      }
    }
  }

  @Test
  void corruptedDownloadIsDetectedAndNeverRun(@TempDir Path stateDir) throws Exception {
    long id = project.uploadProgram("tampered-file", TestProject.sumProgram(), 100_000, false, 1);
    try (Stream<Path> files = Files.walk(project.dir.resolve("blobs"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(f);
        if (text.contains("\"data\"")) {
          Files.writeString(f, text.replaceFirst("\"0x", "\"0x1")); // one changed program word
        }
      }
    }
    project.addInputGroups(id, List.of(5L));
    runUntilReported(stateDir, "corrupted");
    try (Stream<Path> programs = Files.list(stateDir.resolve("programs"))) {
      assertFalse(programs.anyMatch(p -> p.toString().endsWith(".json")), "never kept");
    }
  }

  @Test
  void badSignatureIsRefusedAndNeverRun(@TempDir Path stateDir) throws Exception {
    byte[] distinct = (new String(TestProject.sumProgram()) + "\n").getBytes(); // its own blob
    long id = project.uploadProgram("tampered-signature", distinct, 100_000, false, 1);
    project.execute(
        "update program set signature = set_byte(signature, 0, get_byte(signature, 0) # 1)"
            + " where id = "
            + id);
    project.addInputGroups(id, List.of(6L));
    runUntilReported(stateDir, "BAD_SIGNATURE");
  }
}
