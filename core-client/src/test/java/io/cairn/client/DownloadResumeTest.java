package io.cairn.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cairn.client.rpc.HostCredentials;
import io.cairn.client.rpc.HostDescription;
import io.cairn.client.rpc.ServerApi;
import io.cairn.client.rpc.ServerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The protocol client against the real server: an interrupted download resumes with Range. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DownloadResumeTest {
  private TestProject project;

  @BeforeAll
  void start() throws Exception {
    project = new TestProject("client_download");
  }

  @AfterAll
  void stop() {
    project.close();
  }

  @Test
  void partialDownloadResumesFromItsLength(@TempDir Path dir) throws Exception {
    byte[] program = TestProject.sumProgram();
    long id = project.uploadProgram("sum", program, 1000, false);
    ServerApi api = new ServerApi(Duration.ofSeconds(10));
    assertEquals(32, api.serverKey(project.url()).length);
    HostCredentials host =
        api.registerHost(
            project.url(),
            project.accountKey(),
            new HostDescription("h", "linux-x86_64", 2, 1L << 30, ClientSettings.VERSION));
    Path part = dir.resolve("p.json.part");
    Files.write(part, Arrays.copyOf(program, program.length / 3)); // a download cut short
    api.download(project.url(), "/api/v1/programs/" + id + "/file", host, part);
    assertArrayEquals(program, Files.readAllBytes(part));
    api.download(project.url(), "/api/v1/programs/" + id + "/file", host, part); // complete: 416
    assertArrayEquals(program, Files.readAllBytes(part));

    ServerException wrongKey =
        assertThrows(
            ServerException.class,
            () ->
                api.download(
                    project.url(),
                    "/api/v1/programs/" + id + "/file",
                    new HostCredentials(host.hostId(), "not-the-key"),
                    dir.resolve("x")));
    assertEquals(401, wrongKey.status());
    assertEquals(false, wrongKey.retryable());
  }
}
