package io.cairn.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.client.state.TaskState;
import org.junit.jupiter.api.Test;

class ProverMemoryTest {
  @Test
  void usesExecutedStepsOnceKnownElseTheLimit() {
    TaskState t = new TaskState();
    t.maxSteps = 1 << 20;
    assertEquals((1L << 20) * ProverMemory.BYTES_PER_ROW, ProverMemory.estimate(t));
    t.steps = 6010; // executed: 8192 rows
    assertEquals(8192 * ProverMemory.BYTES_PER_ROW, ProverMemory.estimate(t));
    t.steps = 8192;
    assertEquals(8192 * ProverMemory.BYTES_PER_ROW, ProverMemory.estimate(t));
    t.steps = 0;
    t.maxSteps = 1L << 40;
    assertTrue(ProverMemory.estimate(t) > 0, "no overflow");
  }
}
