package io.cairn.client.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cairo.tools.asm.Assembler;
import io.cairn.cairo.tools.asm.ProgramJsonWriter;
import io.cairn.cairo.vm.ExecutionResult;
import io.cairn.cairo.vm.RunConfig;
import io.cairn.cairo.vm.program.CairoProgram;
import io.cairn.client.prefs.DutyCycle;
import io.cairn.client.state.AtomicFiles;
import io.cairn.math.Felt;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** VM checkpoints: a stopped run resumes from its last complete checkpoint, and ends the same. */
class VmExecutionTest {
  @TempDir Path slot;

  static CairoProgram sum() throws Exception {
    try (InputStream in = VmExecutionTest.class.getResourceAsStream("/programs/sum.casm")) {
      String src = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      byte[] json =
          ProgramJsonWriter.write(Assembler.assemble(src, Assembler.Mode.PROOF))
              .getBytes(StandardCharsets.UTF_8);
      return CairoProgram.load(new ByteArrayInputStream(json));
    }
  }

  static TaskControl control() {
    return new TaskControl(() -> 100, DutyCycle.Nanos.SYSTEM);
  }

  /** Records checkpoints; quits the task after {@code quitAfter} of them. */
  static final class Recorder implements VmExecution.Listener {
    final List<Long> checkpoints = new ArrayList<>();
    final TaskControl control;
    final int quitAfter;

    Recorder(TaskControl control, int quitAfter) {
      this.control = control;
      this.quitAfter = quitAfter;
    }

    @Override
    public void progress(long steps) {}

    @Override
    public void checkpointed(long steps) {
      checkpoints.add(steps);
      if (checkpoints.size() == quitAfter) {
        control.quit();
      }
    }
  }

  @Test
  void stoppedRunResumesFromItsLastCheckpointAndMatchesAnUninterruptedRun() throws Exception {
    CairoProgram program = sum();
    long n = 40_000;
    RunConfig config = RunConfig.proof().withInput(List.of(Felt.of(n))).withTrace(false);
    long every = 1 << 15;

    TaskControl first = control();
    Recorder r1 = new Recorder(first, 2);
    TaskStoppedException stop =
        assertThrows(
            TaskStoppedException.class,
            () -> VmExecution.run(program, config, 1 << 22, slot, every, first, r1));
    assertEquals(TaskStoppedException.Why.QUITTING, stop.why());
    assertEquals(List.of(every, 2 * every), r1.checkpoints);
    assertTrue(Files.exists(VmExecution.checkpointFile(slot)));

    // a kill during the next checkpoint leaves a partial .next file: it is ignored
    Files.write(AtomicFiles.next(VmExecution.checkpointFile(slot)), new byte[] {1, 2, 3});
    TaskControl second = control();
    Recorder r2 = new Recorder(second, -1);
    ExecutionResult resumed = VmExecution.run(program, config, 1 << 22, slot, every, second, r2);
    assertEquals(3 * every, r2.checkpoints.get(0), "resumed after step " + 2 * every);
    assertEquals(Felt.of(n * (n + 1) / 2), resumed.output().get(0));

    ExecutionResult straight =
        VmExecution.run(
            program,
            config,
            1 << 22,
            Files.createTempDirectory(slot, "fresh"),
            every,
            control(),
            new Recorder(control(), -1));
    assertEquals(straight.steps(), resumed.steps());
    assertEquals(straight.output(), resumed.output());
  }

  @Test
  void corruptLatestCheckpointFallsBackToThePreviousOne() throws Exception {
    CairoProgram program = sum();
    long n = 30_000;
    RunConfig config = RunConfig.proof().withInput(List.of(Felt.of(n))).withTrace(false);
    long every = 1 << 15;
    TaskControl first = control();
    assertThrows(
        TaskStoppedException.class,
        () ->
            VmExecution.run(program, config, 1 << 22, slot, every, first, new Recorder(first, 2)));
    try (RandomAccessFile f =
        new RandomAccessFile(VmExecution.checkpointFile(slot).toFile(), "rw")) {
      f.setLength(f.length() / 3);
    }
    Recorder r2 = new Recorder(control(), -1);
    ExecutionResult resumed = VmExecution.run(program, config, 1 << 22, slot, every, control(), r2);
    assertEquals(
        2 * every, r2.checkpoints.get(0), "resumed from the previous checkpoint at " + every);
    assertEquals(Felt.of(n * (n + 1) / 2), resumed.output().get(0));
  }

  @Test
  void aResumedRunPausesBetweenCheckpointsToo() throws Exception {
    CairoProgram program = sum();
    long n = 200_000;
    RunConfig config = RunConfig.proof().withInput(List.of(Felt.of(n))).withTrace(false);
    long every = 1 << 15;
    TaskControl first = control();
    assertThrows(
        TaskStoppedException.class,
        () ->
            VmExecution.run(program, config, 1 << 22, slot, every, first, new Recorder(first, 1)));

    // resumed with no checkpoint due before the end: only the VM's clock probe can pause it
    TaskControl second = control();
    List<Long> progress = new ArrayList<>();
    VmExecution.Listener quitOnProgress =
        new VmExecution.Listener() {
          @Override
          public void progress(long steps) {
            progress.add(steps);
            second.quit();
          }

          @Override
          public void checkpointed(long steps) {}
        };
    TaskStoppedException stop =
        assertThrows(
            TaskStoppedException.class,
            () ->
                VmExecution.run(program, config, 1 << 22, slot, 1L << 40, second, quitOnProgress));
    assertEquals(TaskStoppedException.Why.QUITTING, stop.why());
    assertEquals(1, progress.size());
    assertTrue(
        progress.get(0) >= every && progress.get(0) <= every + VmExecution.PAUSE_STEPS,
        "stopped at step " + progress.get(0) + ", soon after resuming at " + every);
  }
}
