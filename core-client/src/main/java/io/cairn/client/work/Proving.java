package io.cairn.client.work;

import io.cairn.air.ProofOptions;
import io.cairn.cairo.prover.CairoProofResult;
import io.cairn.cairo.prover.CairoProver;
import io.cairn.cairo.prover.CairoProvingException;
import io.cairn.cairo.prover.CairoProvingJob;
import io.cairn.cairo.vm.RunLimits;
import io.cairn.math.Felt;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * The proving phase: {@link CairoProver} runs the program in proof mode, builds the trace and
 * proves it stage by stage with the lease id bound into the transcript. The stage boundaries
 * ({@link CairoProvingJob.Stage}) are the restart points; the client pauses there. The prover's
 * session lives in memory only, so after a process restart proving starts again from the trace (the
 * VM result is kept on disk; the prover cannot serialise its session yet).
 */
public final class Proving {
  private Proving() {}

  /** Proves {@code programJson} on {@code input} for {@code leaseId}. */
  public static CairoProofResult prove(
      byte[] programJson,
      List<Felt> input,
      String leaseId,
      long maxSteps,
      ProofOptions options,
      TaskControl control,
      DoubleConsumer fraction)
      throws CairoProvingException {
    CairoProver prover = new CairoProver(options, RunLimits.NONE.withMaxSteps(maxSteps));
    control.pausePoint();
    CairoProvingJob job = prover.start(programJson, input, leaseId);
    int stages = CairoProvingJob.Stage.values().length - 1;
    fraction.accept(1.0 / (stages + 1));
    while (job.stage() != CairoProvingJob.Stage.DONE) {
      control.pausePoint();
      job.advance();
      fraction.accept((job.stage().ordinal() + 1.0) / (stages + 1));
    }
    return job.finish();
  }
}
