package io.cairn.client.work;

import io.cairn.cairo.prover.CairoProofResult;
import io.cairn.cairo.prover.CairoProvingException;
import io.cairn.cairo.prover.CairoProvingJob;
import io.cairn.cairo.vm.ExecutionResult;
import io.cairn.cairo.vm.RunConfig;
import io.cairn.cairo.vm.VmException;
import io.cairn.cairo.vm.program.CairoProgram;
import io.cairn.cairo.vm.program.ProgramLoadException;
import io.cairn.client.state.AtomicFileOutputStream;
import io.cairn.client.state.TaskPhase;
import io.cairn.client.state.TaskState;
import io.cairn.math.Felt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes one task on a worker thread, from VERIFIED (or wherever it stopped) to PROVEN: the VM
 * with checkpoints (EXECUTING → EXECUTED), then the prover (PROVING → PROVEN), or for an
 * execution-only lease the trace bundle (EXECUTING → PROVEN). The result file ({@link #resultFile})
 * is complete on disk before the task is PROVEN. The prover checkpoints after each commitment stage
 * (see {@link Proving}) and resumes from its last checkpoint after a restart.
 */
public final class TaskRunner implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);

  private final TaskState task;
  private final Path programFile;
  private final Path slotDir;
  private final TaskControl control;
  private final TaskHost host;

  /** A runner for {@code task}, whose verified program is {@code programFile}. */
  public TaskRunner(
      TaskState task, Path programFile, Path slotDir, TaskControl control, TaskHost host) {
    this.task = task;
    this.programFile = programFile;
    this.slotDir = slotDir;
    this.control = control;
    this.host = host;
  }

  /** The file uploaded for a PROVEN task: the proof, or the trace bundle. */
  public static Path resultFile(Path slotDir) {
    return slotDir.resolve("result.bin");
  }

  /**
   * A PROVE lease proves a trace another host uploaded. Re-executing the program costs little next
   * to proving, and the prover works from a run, so the client re-runs it and proves only if the
   * run reproduces the uploaded bundle byte for byte.
   */
  private boolean reproducesUploadedTrace(ExecutionResult run) throws IOException {
    Path uploaded = slotDir.resolve("trace.bin");
    if (!Files.exists(uploaded)) {
      return false;
    }
    java.io.ByteArrayOutputStream mine = new java.io.ByteArrayOutputStream();
    TraceBundle.write(run, mine);
    return java.util.Arrays.equals(mine.toByteArray(), Files.readAllBytes(uploaded));
  }

  @Override
  public void run() {
    try {
      compute();
    } catch (TaskStoppedException e) {
      if (e.why() == TaskStoppedException.Why.ABORTED) {
        host.failed(task, "ABANDONED", "aborted by the donor");
      } else {
        log.info("task {} stopped ({}); it resumes from its checkpoint", task.leaseId, e.why());
      }
    } catch (VmException e) {
      host.failed(task, "FAILED", "VM error: " + e.getMessage());
    } catch (CairoProvingException e) {
      host.failed(task, "FAILED", "prover: " + e.getMessage());
    } catch (ProgramLoadException e) {
      host.failed(task, "FAILED", "program does not load: " + e.getMessage());
    } catch (IOException e) {
      host.failed(task, "FAILED", "client I/O error: " + e.getMessage());
    } catch (OutOfMemoryError e) {
      // the host's problem, not the task's: it is retried with fewer tasks in memory
      log.warn("task {} ran out of memory; it will be retried alone", task.leaseId);
      host.outOfMemory(task);
    } catch (RuntimeException e) {
      log.warn("task {} failed", task.leaseId, e);
      host.failed(task, "FAILED", "client error: " + e);
    }
  }

  private void compute() throws IOException, ProgramLoadException, CairoProvingException {
    byte[] json = Files.readAllBytes(programFile);
    List<Felt> input = host.input(task).stream().map(Felt::parse).toList();
    boolean executeOnly = task.kind.equals("EXECUTE");
    boolean proveOnly = task.kind.equals("PROVE");
    double vmShare = host.vmShare(task.kind);
    TaskPhase phase = task.phase;
    if (phase == TaskPhase.VERIFIED || phase == TaskPhase.EXECUTING) {
      host.enterPhase(task, TaskPhase.EXECUTING);
      CairoProgram program = CairoProgram.load(new ByteArrayInputStream(json));
      long started = System.nanoTime();
      long startSteps = task.checkpointSteps;
      ExecutionResult run =
          VmExecution.run(
              program,
              RunConfig.proof().withInput(input).withTrace(executeOnly || proveOnly),
              task.maxSteps,
              slotDir,
              host.checkpointSteps(),
              control,
              new VmExecution.Listener() {
                @Override
                public void progress(long steps) {
                  host.progress(task, vmShare * Math.min(0.99, steps / (double) task.maxSteps));
                }

                @Override
                public void checkpointed(long steps) {
                  host.checkpointed(task, steps);
                }
              });
      host.vmSpeed(run.steps() - startSteps, System.nanoTime() - started);
      List<String> output = run.output().stream().map(Felt::toString).toList();
      if (executeOnly) {
        try (OutputStream out = new AtomicFileOutputStream(resultFile(slotDir))) {
          TraceBundle.write(run, out);
        }
        host.executed(task, run.steps(), output);
        host.enterPhase(task, TaskPhase.PROVEN);
        return;
      }
      if (proveOnly && !reproducesUploadedTrace(run)) {
        host.failed(task, "FAILED", "the uploaded trace does not match the program's run");
        return;
      }
      host.executed(task, run.steps(), output);
      phase = TaskPhase.EXECUTED;
    }
    if (phase == TaskPhase.EXECUTED || phase == TaskPhase.PROVING) {
      host.enterPhase(task, TaskPhase.PROVING);
      CairoProofResult proof;
      host.reserveProverMemory(task, control);
      try {
        proof =
            Proving.prove(
                json,
                input,
                task.leaseId,
                task.maxSteps,
                host.proofOptions(),
                slotDir,
                control,
                f -> host.progress(task, vmShare + (1 - vmShare) * Math.min(0.99, f)),
                new Proving.Listener() {
                  @Override
                  public void checkpointed(CairoProvingJob.Stage stage) {
                    host.proverCheckpointed(task, stage.name());
                  }
                });
      } finally {
        host.releaseProverMemory(task);
      }
      Files.createDirectories(slotDir);
      try (OutputStream out = new AtomicFileOutputStream(resultFile(slotDir))) {
        out.write(proof.proof());
      }
      host.enterPhase(task, TaskPhase.PROVEN);
      // the proof is on disk and the task PROVEN: the prover checkpoint is no longer needed (if it
      // cannot be deleted now, it goes with the slot directory once the task is reported)
      try {
        Proving.deleteCheckpoint(slotDir);
        host.proverCheckpointed(task, null);
      } catch (IOException e) {
        log.warn("task {}: prover checkpoint not deleted yet: {}", task.leaseId, e.toString());
      }
    }
  }
}
