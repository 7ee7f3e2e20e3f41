package io.cairn.cairo.prover;

import io.cairn.air.ProofOptions;
import io.cairn.cairo.air.CairoStatementException;
import io.cairn.cairo.air.ProvableProgram;
import io.cairn.cairo.air.UnsupportedBuiltinException;
import io.cairn.cairo.prover.CairoProvingException.Kind;
import io.cairn.cairo.vm.CairoRunner;
import io.cairn.cairo.vm.ExecutionResult;
import io.cairn.cairo.vm.RunConfig;
import io.cairn.cairo.vm.RunLimits;
import io.cairn.cairo.vm.VmException;
import io.cairn.cairo.vm.program.CairoProgram;
import io.cairn.cairo.vm.program.ProgramLoadException;
import io.cairn.crypto.Keccak256;
import io.cairn.math.Felt;
import io.cairn.prover.ProverCheckpointException;
import io.cairn.prover.ProvingSession;
import io.cairn.prover.StarkProver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Runs a Cairo program in proof mode and proves the run: the donor client's entry point.
 *
 * <pre>{@code
 * CairoProofResult r = new CairoProver(ProofOptions.DEFAULT_128).prove(json, input, leaseId);
 * upload(leaseId, r.proof());
 * }</pre>
 *
 * <p>{@link #start} returns a {@link CairoProvingJob} for callers that pause between stages.
 */
public final class CairoProver {

  private final ProofOptions options;
  private final RunLimits limits;
  private final long ldeBudgetBytes;

  /** A prover with the given proof options and no VM limits. */
  public CairoProver(ProofOptions options) {
    this(options, RunLimits.NONE);
  }

  /**
   * A prover with the given proof options and VM limits (max steps, memory, wall clock), and the
   * generic prover's default LDE budget, a third of the maximum heap.
   */
  public CairoProver(ProofOptions options, RunLimits limits) {
    this(options, limits, Runtime.getRuntime().maxMemory() / 3);
  }

  /**
   * A prover with an explicit LDE budget: the committed tables keep their whole low-degree
   * extension when it fits {@code ldeBudgetBytes}, and are extended one coset at a time otherwise
   * (less memory, more CPU; the same proof bytes). See {@link StarkProver#StarkProver(ProofOptions,
   * io.cairn.crypto.Hasher, long)}.
   */
  public CairoProver(ProofOptions options, RunLimits limits, long ldeBudgetBytes) {
    this.options = options;
    this.limits = limits;
    this.ldeBudgetBytes = ldeBudgetBytes;
  }

  private StarkProver starkProver() {
    return new StarkProver(options, Keccak256.INSTANCE, ldeBudgetBytes);
  }

  /** Runs and proves {@code programJson} on {@code input} for lease {@code leaseId}. */
  public CairoProofResult prove(byte[] programJson, List<Felt> input, String leaseId)
      throws CairoProvingException {
    return start(programJson, input, leaseId).finish();
  }

  /** Runs the program, builds the trace, and returns the job at {@code TRACE_BUILT}. */
  public CairoProvingJob start(byte[] programJson, List<Felt> input, String leaseId)
      throws CairoProvingException {
    CairoTrace trace = trace(programJson, input, leaseId);
    StarkProver prover = starkProver();
    return new CairoProvingJob(
        trace,
        prover.start(trace.air(), trace.main(), trace.statement().context()),
        CairoProvingJob.Stage.TRACE_BUILT);
  }

  /**
   * Continues a job stopped after a commitment stage, from the bytes of its {@link
   * CairoProvingJob#checkpoint}; see {@link #resume(byte[], List, String, InputStream)}.
   *
   * @throws CairoProvingException of kind {@code INVALID_CHECKPOINT} if the checkpoint is
   *     truncated, corrupt, of another format version or belongs to another program, input, lease
   *     or options
   */
  public CairoProvingJob resume(
      byte[] programJson, List<Felt> input, String leaseId, byte[] checkpoint)
      throws CairoProvingException {
    return resume(programJson, input, leaseId, new ByteArrayInputStream(checkpoint));
  }

  /**
   * Continues a job stopped after a commitment stage, from the stream of its {@link
   * CairoProvingJob#writeCheckpoint} (read to its end, not closed): reruns the program, rebuilds
   * the trace and loads the completed stages' tables without recomputing them. The finished proof
   * equals the uninterrupted one.
   *
   * @throws CairoProvingException of kind {@code INVALID_CHECKPOINT} if the checkpoint cannot be
   *     read, is truncated, corrupt, of another format version or belongs to another program,
   *     input, lease or options; the cause is a {@link ProverCheckpointException} naming which
   */
  public CairoProvingJob resume(
      byte[] programJson, List<Felt> input, String leaseId, InputStream checkpoint)
      throws CairoProvingException {
    CairoTrace trace = trace(programJson, input, leaseId);
    ProvingSession session;
    try {
      session =
          starkProver().resume(trace.air(), trace.main(), trace.statement().context(), checkpoint);
    } catch (ProverCheckpointException | IOException e) {
      throw new CairoProvingException(Kind.INVALID_CHECKPOINT, e.getMessage(), e);
    }
    return new CairoProvingJob(
        trace, session, CairoProvingJob.Stage.values()[session.checkpoint().completedRounds()]);
  }

  /** Runs the program in proof mode and builds its trace, refusing unprovable programs first. */
  public CairoTrace trace(byte[] programJson, List<Felt> input, String leaseId)
      throws CairoProvingException {
    ProvableProgram provable;
    CairoProgram program;
    try {
      provable = ProvableProgram.fromJson(programJson);
      provable.requireProvableBuiltins();
      program = CairoProgram.load(new ByteArrayInputStream(programJson));
    } catch (UnsupportedBuiltinException e) {
      throw new CairoProvingException(Kind.UNSUPPORTED_BUILTIN, e.getMessage(), e);
    } catch (CairoStatementException | ProgramLoadException e) {
      throw new CairoProvingException(Kind.INVALID_PROGRAM, e.getMessage(), e);
    }
    ExecutionResult run;
    try {
      run = CairoRunner.run(program, RunConfig.proof().withInput(input).withLimits(limits));
    } catch (VmException e) {
      throw new CairoProvingException(Kind.EXECUTION_FAILED, e.getMessage(), e);
    }
    try {
      return CairoTraceBuilder.build(provable, run, leaseId);
    } catch (CairoStatementException | IllegalStateException | VmException e) {
      // VmException: e.g. a hole in the output segment, found while reading the result.
      throw new CairoProvingException(Kind.UNPROVABLE, e.getMessage(), e);
    }
  }
}
