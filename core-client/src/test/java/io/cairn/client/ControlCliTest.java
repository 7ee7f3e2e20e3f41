package io.cairn.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.client.cli.Main;
import io.cairn.client.control.ControlClient;
import io.cairn.client.state.ClientState;
import io.cairn.client.state.StateStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's control commands against a running client, and attach with the daemon down. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ControlCliTest {
  private TestProject project;

  @BeforeAll
  void start() throws Exception {
    project = new TestProject("client_control");
  }

  @AfterAll
  void stop() {
    project.close();
  }

  @Test
  void commandsReachTheRunningClientWithItsToken(@TempDir Path dir) throws Exception {
    CoreClient client = CoreClient.start(Clients.fast(new FixedSensor()).build(), dir);
    try {
      String d = dir.toString();
      assertEquals(
          "rw-------",
          PosixFilePermissions.toString(
              Files.getPosixFilePermissions(dir.resolve("control.token"))));
      assertEquals(
          0,
          Main.run(
              new String[] {
                "attach", "--dir", d, "--url", project.url(), "--key", project.accountKey()
              }));
      assertEquals(project.url(), client.status().projects().get(0).url());
      assertEquals(0, Main.run(new String[] {"status", "--dir", d}));
      assertEquals(0, Main.run(new String[] {"set-pref", "--dir", d, "cpu_usage_limit", "60"}));
      assertEquals(60, client.preferences().cpuUsageLimit());
      assertTrue(Files.readString(dir.resolve("global_prefs_override.json")).contains("60"));
      assertEquals(1, Main.run(new String[] {"set-pref", "--dir", d, "cpu_usage_limit", "600"}));
      assertEquals(0, Main.run(new String[] {"suspend", "--dir", d}));
      Clients.await(
          "suspended",
          Duration.ofSeconds(5),
          () -> "USER_REQ".equals(client.status().suspendReason()));
      assertEquals(0, Main.run(new String[] {"resume", "--dir", d}));
      assertEquals(0, Main.run(new String[] {"no-more-work", "--dir", d}));
      assertTrue(client.status().projects().get(0).noMoreWork());
      assertEquals(1, Main.run(new String[] {"abort", "--dir", d, "--task", "no-such-lease"}));
      assertEquals(0, Main.run(new String[] {"detach", "--dir", d, "--project", project.url()}));
      Clients.await(
          "the project forgotten",
          Duration.ofSeconds(5),
          () -> client.status().projects().isEmpty());
      assertEquals(1, Main.run(new String[] {"detach", "--dir", d, "--project", project.url()}));

      // without the token, nothing
      int port = client.controlPort();
      HttpResponse<String> forged =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/quit"))
                      .header("X-Cairn-Token", "0".repeat(64))
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(401, forged.statusCode());

      assertEquals(0, Main.run(new String[] {"quit", "--dir", d}));
      Thread waiter =
          new Thread(
              () -> {
                try {
                  client.awaitClosed();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      waiter.start();
      waiter.join(TimeUnit.SECONDS.toMillis(10));
      assertTrue(!waiter.isAlive(), "quit stopped the client");
      assertThrows(
          ControlClient.ControlException.class,
          () -> new ControlClient(dir).post("/quit", Map.of()));
    } finally {
      client.close();
    }
  }

  @Test
  void attachWithEmailAndPasswordWhileTheDaemonIsDown(@TempDir Path dir) throws Exception {
    project.accountKey(); // creates donor@example.org
    assertEquals(
        0,
        Main.run(
            new String[] {
              "attach",
              "--dir",
              dir.toString(),
              "--url",
              project.url(),
              "--email",
              "donor@example.org",
              "--password",
              "donor-password"
            }));
    ClientState s =
        new StateStore<>(dir.resolve("client_state.json"), ClientState.class).load().orElseThrow();
    assertEquals(project.url(), s.projects.get(0).url);
    assertTrue(s.projects.get(0).hostId > 0);
    assertEquals(
        32, java.util.Base64.getDecoder().decode(s.projects.get(0).serverPublicKey).length);
    assertEquals(
        2, Main.run(new String[] {"attach", "--dir", dir.toString(), "--url", project.url()}));
  }
}
