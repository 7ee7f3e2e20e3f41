package io.cairn.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.client.prefs.Preferences;
import io.cairn.client.state.ProjectState;
import io.cairn.client.state.TaskPhase;
import io.cairn.client.state.TaskState;
import org.junit.jupiter.api.Test;

class WorkBufferTest {
  private static final ClientSettings SETTINGS = Clients.fast(new FixedSensor()).build();

  private static TaskState task(long maxSteps, TaskPhase phase, double done) {
    TaskState t = new TaskState();
    t.maxSteps = maxSteps;
    t.phase = phase;
    t.fractionDone = done;
    return t;
  }

  @Test
  void asksToFillTheBufferWhenBelowItsMinimum() {
    ProjectState p = new ProjectState();
    p.stepsPerSecond = 1000;
    Preferences prefs =
        Preferences.DEFAULTS
            .with("work_buf_min_seconds", "100")
            .with("work_buf_additional_seconds", "400");
    // empty: ask for min + additional
    assertEquals(500, WorkBuffer.requestSeconds(p, prefs, 2, SETTINGS), 1e-9);
    // 2 workers, two tasks of 300 s each queued = 300 s per worker: above the minimum
    p.tasks.add(task(300_000, TaskPhase.EXECUTING, 0));
    p.tasks.add(task(300_000, TaskPhase.NEW, 0));
    assertEquals(300, WorkBuffer.queuedSeconds(p, 2, SETTINGS), 1e-9);
    assertEquals(0, WorkBuffer.requestSeconds(p, prefs, 2, SETTINGS), 1e-9);
    // most of it done: below the minimum again, ask for the difference up to the maximum
    p.tasks.forEach(t -> t.fractionDone = 0.9);
    assertEquals(470, WorkBuffer.requestSeconds(p, prefs, 2, SETTINGS), 1e-9);
    // finished tasks do not count
    p.tasks.forEach(t -> t.phase = TaskPhase.PROVEN);
    assertEquals(500, WorkBuffer.requestSeconds(p, prefs, 2, SETTINGS), 1e-9);
    int jobs = WorkBuffer.maxJobs(p, 500, 2, SETTINGS);
    assertTrue(jobs >= 2 && jobs <= 8, "jobs " + jobs);
  }

  @Test
  void anIdleWorkerAsksForWorkEvenWithABigQueue() {
    ProjectState p = new ProjectState();
    p.stepsPerSecond = 10;
    p.tasks.add(task(1_000_000, TaskPhase.EXECUTING, 0));
    assertTrue(WorkBuffer.requestSeconds(p, Preferences.DEFAULTS, 2, SETTINGS) > 0);
  }
}
