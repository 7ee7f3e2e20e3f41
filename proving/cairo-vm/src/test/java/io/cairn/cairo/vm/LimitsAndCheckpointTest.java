package io.cairn.cairo.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cairn.cairo.vm.program.CairoProgram;
import io.cairn.math.Felt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LimitsAndCheckpointTest {
  static final List<Felt> INPUT = List.of(Felt.of(40), Felt.of(2));

  @Test
  void stepLimitIsDeterministic() throws Exception {
    CairoProgram program = TestPrograms.sumTwoInputs();
    RunConfig config = RunConfig.exec().withInput(INPUT).withLimits(RunLimits.NONE.withMaxSteps(3));
    LimitExceededException e =
        assertThrows(LimitExceededException.class, () -> CairoRunner.run(program, config));
    assertEquals(LimitExceededException.Limit.STEPS, e.limit());
  }

  @Test
  void memoryLimit() throws Exception {
    CairoProgram program = TestPrograms.sumTwoInputs();
    RunConfig config =
        RunConfig.exec().withInput(INPUT).withLimits(RunLimits.NONE.withMaxMemoryCells(20));
    LimitExceededException e =
        assertThrows(LimitExceededException.class, () -> CairoRunner.run(program, config));
    assertEquals(LimitExceededException.Limit.MEMORY_CELLS, e.limit());
  }

  @Test
  void wallClockLimitUsesTheInjectedClock() throws Exception {
    CairoProgram program = TestPrograms.sumTwoInputs();
    AtomicLong now = new AtomicLong();
    RunLimits limits = new RunLimits(1 << 20, 1 << 20, Duration.ofSeconds(1), 1);
    CairoRunner runner =
        CairoRunner.start(
            program,
            RunConfig.proof().withInput(INPUT).withLimits(limits),
            () -> now.getAndAdd(300_000_000L));
    LimitExceededException e = assertThrows(LimitExceededException.class, runner::run);
    assertEquals(LimitExceededException.Limit.WALL_CLOCK, e.limit());
  }

  @Test
  void resumingFromEveryCheckpointGivesIdenticalTraceAndMemory() throws Exception {
    CairoProgram program = TestPrograms.sumTwoInputs();
    for (RunConfig base : List.of(RunConfig.exec(), RunConfig.proof())) {
      TreeMap<Long, byte[]> checkpoints = new TreeMap<>();
      RunConfig config =
          base.withInput(INPUT)
              .withCheckpoints(
                  steps ->
                      new ByteArrayOutputStream() {
                        @Override
                        public void close() {
                          checkpoints.put(steps, toByteArray());
                        }
                      },
                  2);
      ExecutionResult full = CairoRunner.run(program, config);
      byte[] trace = bytes(full, true);
      byte[] memory = bytes(full, false);
      assertEquals(full.steps() / 2, checkpoints.size());
      for (byte[] checkpoint : checkpoints.values()) {
        ExecutionResult resumed =
            CairoRunner.resume(program, base.withInput(INPUT), new ByteArrayInputStream(checkpoint))
                .run();
        assertEquals(full.steps(), resumed.steps());
        assertArrayEquals(trace, bytes(resumed, true));
        assertArrayEquals(memory, bytes(resumed, false));
        assertEquals(full.output(), resumed.output());
        assertEquals(full.segments(), resumed.segments());
      }
    }
  }

  @Test
  void checkpointOfAnotherProgramIsRefused() throws Exception {
    CairoProgram program = TestPrograms.sumTwoInputs();
    byte[][] holder = new byte[1][];
    CairoRunner.run(
        program,
        RunConfig.exec()
            .withInput(INPUT)
            .withCheckpoints(
                steps ->
                    new ByteArrayOutputStream() {
                      @Override
                      public void close() {
                        holder[0] = toByteArray();
                      }
                    },
                3));
    CairoProgram other =
        TestPrograms.program(
            List.of("0x" + Long.toHexString(TestPrograms.RET.encode())),
            "",
            "\"__main__.main\": {\"type\": \"function\", \"pc\": 0}");
    assertThrows(
        IOException.class,
        () -> CairoRunner.resume(other, RunConfig.exec(), new ByteArrayInputStream(holder[0])));
  }

  static byte[] bytes(ExecutionResult r, boolean trace) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (trace) {
      r.writeTrace(out);
    } else {
      r.writeMemory(out);
    }
    return out.toByteArray();
  }
}
