package io.cairn.client.work;

import io.cairn.cairo.vm.CairoRunner;
import io.cairn.cairo.vm.ExecutionResult;
import io.cairn.cairo.vm.RunConfig;
import io.cairn.cairo.vm.RunLimits;
import io.cairn.cairo.vm.program.CairoProgram;
import io.cairn.client.state.AtomicFileOutputStream;
import io.cairn.client.state.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task's program in the Cairo VM with checkpoints and pause points, resuming from the last
 * complete checkpoint in the task's slot directory if there is one.
 *
 * <p>Pause points: the VM's wall-clock probe (every {@link #PAUSE_STEPS} steps, in a fresh run and
 * in one resumed from a checkpoint alike) and every checkpoint. Checkpoints: every {@code
 * checkpointSteps} steps, chosen by the caller from disk_interval and the measured VM speed; each
 * is written to {@code vm.ckpt.next} and renamed into place only when complete and fsynced.
 */
public final class VmExecution {
  private static final Logger log = LoggerFactory.getLogger(VmExecution.class);

  /** Steps between pause points in a fresh run. */
  public static final long PAUSE_STEPS = 1 << 14;

  /** Hears about progress. */
  public interface Listener {
    /** The VM has done {@code steps} steps. */
    void progress(long steps);

    /** A checkpoint at {@code steps} steps is complete on disk. */
    void checkpointed(long steps);
  }

  private VmExecution() {}

  /** The checkpoint file of a slot directory. */
  public static Path checkpointFile(Path slotDir) {
    return slotDir.resolve("vm.ckpt");
  }

  /**
   * Runs {@code program} under {@code base} (mode, input, trace), with {@code maxSteps}, stopping
   * at pause points as {@code control} says.
   */
  public static ExecutionResult run(
      CairoProgram program,
      RunConfig base,
      long maxSteps,
      Path slotDir,
      long checkpointSteps,
      TaskControl control,
      Listener listener)
      throws IOException {
    Files.createDirectories(slotDir);
    Path ckpt = checkpointFile(slotDir);
    RunLimits limits =
        new RunLimits(
            maxSteps, RunLimits.NONE.maxMemoryCells(), Duration.ofDays(3650), PAUSE_STEPS);
    RunConfig config =
        base.withLimits(limits)
            .withCheckpoints(
                steps -> {
                  control.pausePoint();
                  return new CommitOnClose(ckpt, steps, listener);
                },
                Math.max(PAUSE_STEPS, checkpointSteps));
    CairoRunner[] self = new CairoRunner[1];
    LongSupplier pausingClock =
        () -> {
          control.pausePoint();
          if (self[0] != null) {
            listener.progress(self[0].vm().steps());
          }
          return System.nanoTime();
        };
    CairoRunner runner = resume(program, config, ckpt, pausingClock);
    if (runner == null) {
      runner = CairoRunner.start(program, config, pausingClock);
    }
    self[0] = runner;
    return runner.run();
  }

  private static CairoRunner resume(
      CairoProgram program, RunConfig config, Path ckpt, LongSupplier clock) {
    for (Path candidate : List.of(ckpt, AtomicFiles.prev(ckpt))) {
      if (!Files.exists(candidate)) {
        continue;
      }
      try (InputStream in = Files.newInputStream(candidate)) {
        CairoRunner r =
            CairoRunner.resume(program, config, new java.io.BufferedInputStream(in), clock);
        log.info("resuming from {} at step {}", candidate, r.vm().steps());
        return r;
      } catch (IOException | RuntimeException e) {
        log.warn("checkpoint {} is unusable ({}); trying an older one", candidate, e.toString());
      }
    }
    return null;
  }

  /** The checkpoint stream: commits atomically, then tells the listener. */
  private static final class CommitOnClose extends OutputStream {
    private final AtomicFileOutputStream out;
    private final long steps;
    private final Listener listener;

    CommitOnClose(Path ckpt, long steps, Listener listener) throws IOException {
      this.out = new AtomicFileOutputStream(ckpt);
      this.steps = steps;
      this.listener = listener;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.close();
      listener.checkpointed(steps);
    }
  }
}
