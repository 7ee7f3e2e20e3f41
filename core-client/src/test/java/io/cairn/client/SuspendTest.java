package io.cairn.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running task is suspended within seconds when the non-Cairn CPU load passes suspend_cpu_usage,
 * resumes when it falls, stops while the computer is in use if run_if_user_active is off, stops for
 * the donor's suspend, and an abort is reported to the server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuspendTest {
  private TestProject project;

  @BeforeAll
  void start() throws Exception {
    project = new TestProject("client_suspend");
  }

  @AfterAll
  void stop() {
    project.close();
  }

  private static ClientStatus.Task only(CoreClient client) {
    List<ClientStatus.Task> tasks = client.status().tasks();
    return tasks.isEmpty() ? null : tasks.get(0);
  }

  @Test
  void foreignLoadSuspendsWithinSecondsAndAbortIsReported(@TempDir Path stateDir) throws Exception {
    long id = project.uploadProgram("long-sum", TestProject.sumProgram(), 1L << 30, false, 1);
    project.addInputGroups(id, List.of(100_000_000L));
    FixedSensor sensor = new FixedSensor();
    ClientSettings.Builder b = Clients.fast(sensor);
    b.cores = 1;
    try (CoreClient client = CoreClient.start(b.build(), stateDir)) {
      client.attach(project.url(), project.accountKey());
      Clients.await(
          "the task computing",
          Duration.ofSeconds(30),
          () -> only(client) != null && only(client).running() && only(client).fractionDone() > 0);

      sensor.foreignLoad = 0.9; // above the default suspend_cpu_usage of 25 %
      long t0 = System.nanoTime();
      Clients.await(
          "suspension on CPU usage",
          Duration.ofSeconds(5),
          () -> "CPU_USAGE".equals(client.status().suspendReason()) && !only(client).running());
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertTrue(seconds < 3, "suspended after " + seconds + " s");
      Thread.sleep(300); // the worker reaches its pause point and unloads
      double before = only(client).fractionDone();
      Thread.sleep(1000);
      assertEquals(before, only(client).fractionDone(), "no progress while suspended");

      sensor.foreignLoad = 0.05;
      Clients.await(
          "resumption",
          Duration.ofSeconds(5),
          () -> client.status().suspendReason() == null && only(client).running());

      // run_if_user_active off: typing suspends computing, an idle spell resumes it
      client.setPreference("run_if_user_active", "false");
      sensor.lastInput = OptionalLong.of(System.currentTimeMillis());
      Clients.await(
          "suspension while the computer is in use",
          Duration.ofSeconds(5),
          () ->
              "USER_ACTIVE".equals(client.status().suspendReason())
                  && client.status().userActive()
                  && !only(client).running());
      sensor.lastInput = OptionalLong.of(System.currentTimeMillis() - 4 * 60_000);
      Clients.await(
          "resumption once idle for idle_time_to_run (3 minutes)",
          Duration.ofSeconds(5),
          () ->
              client.status().suspendReason() == null
                  && !client.status().userActive()
                  && only(client).running());
      client.setPreference("run_if_user_active", "true");

      assertTrue(client.suspend(null));
      Clients.await(
          "the donor's suspend",
          Duration.ofSeconds(5),
          () -> "USER_REQ".equals(client.status().suspendReason()) && !only(client).running());
      assertTrue(client.resume(null));
      Clients.await("running again", Duration.ofSeconds(5), () -> only(client).running());

      // leave_apps_in_memory: a suspended task waits in memory instead of being unloaded
      client.setPreference("leave_apps_in_memory", "true");
      assertTrue(client.suspend(only(client).leaseId()));
      Clients.await(
          "the task suspended in memory",
          Duration.ofSeconds(5),
          () -> !only(client).running() && only(client).suspendedByUser());
      Thread.sleep(500);
      assertTrue(only(client).inMemory(), "kept in memory while suspended");
      assertTrue(client.resume(only(client).leaseId()));
      Clients.await("resumed in place", Duration.ofSeconds(5), () -> only(client).running());

      String lease = only(client).leaseId();
      assertTrue(client.abort(lease));
      Clients.await(
          "the abort reported",
          Duration.ofSeconds(20),
          () -> {
            try {
              return project.queryLong(
                      "select count(*) from lease where outcome_reason like '%aborted by the donor%'")
                  == 1;
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
      Clients.await("the task forgotten", Duration.ofSeconds(10), () -> only(client) == null);
      assertFalse(client.abort(lease));
    }
  }
}
