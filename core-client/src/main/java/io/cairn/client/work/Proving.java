package io.cairn.client.work;

import io.cairn.air.ProofOptions;
import io.cairn.cairo.prover.CairoProofResult;
import io.cairn.cairo.prover.CairoProver;
import io.cairn.cairo.prover.CairoProvingException;
import io.cairn.cairo.prover.CairoProvingJob;
import io.cairn.cairo.vm.RunLimits;
import io.cairn.client.state.AtomicFileOutputStream;
import io.cairn.client.state.AtomicFiles;
import io.cairn.math.Felt;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proving phase: {@link CairoProver} runs the program in proof mode, builds the trace and
 * proves it stage by stage with the lease id bound into the transcript. The stage boundaries
 * ({@link CairoProvingJob.Stage}) are the restart points; the client pauses there.
 *
 * <p>After each commitment stage (MAIN_COMMITTED, AUX_COMMITTED, COMPOSITION_COMMITTED) the
 * prover's checkpoint is streamed to {@link #checkpointFile} in the task's slot directory,
 * atomically ({@code .next}, fsync, rename) and between two pause points, so a suspension never
 * meets a half-written file and a kill leaves the previous complete one. Only the latest stage's
 * file is kept (they are about 8 KB per trace row). A later run, after a client restart or an
 * unload, resumes from it with {@link CairoProver#resume}; a checkpoint the prover refuses
 * (INVALID_CHECKPOINT) is deleted and proving starts over.
 */
public final class Proving {
  private static final Logger log = LoggerFactory.getLogger(Proving.class);

  private Proving() {}

  /** Hears about prover checkpoints. */
  public interface Listener {
    /** Proving continues from a checkpoint that had completed {@code stage}. */
    default void resumed(CairoProvingJob.Stage stage) {}

    /** A checkpoint after {@code stage} is complete on disk. */
    default void checkpointed(CairoProvingJob.Stage stage) {}
  }

  /** The prover checkpoint file of a slot directory. */
  public static Path checkpointFile(Path slotDir) {
    return slotDir.resolve("prover.ckpt");
  }

  /** Deletes the prover checkpoint of a slot directory and its {@code .next}/{@code .prev}. */
  public static void deleteCheckpoint(Path slotDir) throws IOException {
    Path ckpt = checkpointFile(slotDir);
    Files.deleteIfExists(ckpt);
    Files.deleteIfExists(AtomicFiles.next(ckpt));
    Files.deleteIfExists(AtomicFiles.prev(ckpt));
  }

  /**
   * Proves {@code programJson} on {@code input} for {@code leaseId}, resuming from the checkpoint
   * in {@code slotDir} if there is a usable one, and checkpointing there after each commitment
   * stage.
   *
   * @throws IOException if a checkpoint cannot be written
   */
  public static CairoProofResult prove(
      byte[] programJson,
      List<Felt> input,
      String leaseId,
      long maxSteps,
      ProofOptions options,
      Path slotDir,
      TaskControl control,
      DoubleConsumer fraction,
      Listener listener)
      throws CairoProvingException, IOException {
    CairoProver prover = new CairoProver(options, RunLimits.NONE.withMaxSteps(maxSteps));
    control.pausePoint();
    Files.createDirectories(slotDir);
    Path ckpt = checkpointFile(slotDir);
    CairoProvingJob job = resume(prover, programJson, input, leaseId, slotDir);
    if (job != null) {
      listener.resumed(job.stage());
    } else {
      job = prover.start(programJson, input, leaseId);
    }
    int stages = CairoProvingJob.Stage.values().length - 1;
    fraction.accept((job.stage().ordinal() + 1.0) / (stages + 1));
    while (job.stage() != CairoProvingJob.Stage.DONE) {
      control.pausePoint();
      CairoProvingJob.Stage stage = job.advance();
      if (stage != CairoProvingJob.Stage.DONE) {
        // between two pause points: a suspension waits until the file is complete
        try (OutputStream out = new AtomicFileOutputStream(ckpt)) {
          job.writeCheckpoint(out);
        }
        Files.deleteIfExists(AtomicFiles.prev(ckpt));
        listener.checkpointed(stage);
      }
      fraction.accept((stage.ordinal() + 1.0) / (stages + 1));
    }
    return job.finish();
  }

  /**
   * The job continued from the slot's checkpoint, or null if there is none or the prover refuses it
   * (then it is deleted). A crash between the two renames of a checkpoint write leaves only the
   * {@code .prev} file, which is tried too.
   */
  private static CairoProvingJob resume(
      CairoProver prover, byte[] programJson, List<Felt> input, String leaseId, Path slotDir)
      throws CairoProvingException, IOException {
    Path ckpt = checkpointFile(slotDir);
    for (Path candidate : List.of(ckpt, AtomicFiles.prev(ckpt))) {
      if (!Files.exists(candidate)) {
        continue;
      }
      try (InputStream in = new BufferedInputStream(Files.newInputStream(candidate), 1 << 16)) {
        CairoProvingJob job = prover.resume(programJson, input, leaseId, in);
        log.info("task {}: proving resumes from {} after {}", leaseId, candidate, job.stage());
        return job;
      } catch (CairoProvingException e) {
        if (e.kind() != CairoProvingException.Kind.INVALID_CHECKPOINT) {
          throw e;
        }
        log.warn(
            "task {}: prover checkpoint {} refused ({}); deleted, proving starts over",
            leaseId,
            candidate,
            e.getMessage());
        Files.deleteIfExists(candidate);
      }
    }
    return null;
  }
}
