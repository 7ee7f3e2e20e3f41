package io.cairn.prover;

import io.cairn.air.Air;
import io.cairn.air.ProofOptions;
import io.cairn.air.StarkProof;
import io.cairn.crypto.Hasher;
import io.cairn.crypto.Keccak256;
import io.cairn.math.FeltVector;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Proves that a trace satisfies an {@link Air}: the entry point of the prover.
 *
 * <pre>{@code
 * StarkProof proof = new StarkProver(ProofOptions.DEFAULT_128).prove(air, trace, leaseId);
 * byte[] bytes = ProofCodec.encode(proof);
 * }</pre>
 *
 * <p>{@link #start} exposes the rounds one by one ({@link ProvingSession}) for callers that need
 * restart points.
 */
public final class StarkProver {

  private final ProofOptions options;
  private final Hasher hasher;
  private final long ldeBudget;

  /** A prover with the given options, hashing with Keccak-256. */
  public StarkProver(ProofOptions options) {
    this(options, Keccak256.INSTANCE);
  }

  /**
   * A prover with the given options and hash, and the default LDE budget: a third of the JVM's
   * maximum heap.
   */
  public StarkProver(ProofOptions options, Hasher hasher) {
    this(options, hasher, Runtime.getRuntime().maxMemory() / 3);
  }

  /**
   * A prover with the given options, hash and LDE budget. When every committed table's whole
   * low-degree extension (main, aux and composition columns × N field elements of 32 bytes) fits
   * {@code ldeBudgetBytes}, the tables keep it, which spares re-extending them in the composition
   * and query rounds; otherwise they keep only coefficients and Merkle trees and extend one coset
   * of the trace domain at a time (docs/bench/cairo-prover.md, "Memory"). Both give the same proof,
   * byte for byte.
   */
  public StarkProver(ProofOptions options, Hasher hasher, long ldeBudgetBytes) {
    this.options = options;
    this.hasher = hasher;
    this.ldeBudget = ldeBudgetBytes;
  }

  /**
   * Runs every round and returns the proof.
   *
   * @param mainTrace the main columns, {@code air.mainWidth()} vectors of {@code air.traceLength()}
   *     values
   * @param context caller data bound into the proof (e.g. a lease id); the verifier must pass the
   *     same bytes
   * @throws IllegalArgumentException if the trace has the wrong shape or breaks the constraints
   */
  public StarkProof prove(Air air, List<FeltVector> mainTrace, byte[] context) {
    ProvingSession session = start(air, mainTrace, context);
    session.commitMainTrace();
    session.commitAuxTrace();
    session.commitComposition();
    session.openOutOfDomain();
    session.commitFriLayers();
    session.grind();
    return session.answerQueries();
  }

  /**
   * Resumes a proof from a checkpoint written by {@link ProvingSession#writeCheckpoint}: the
   * returned session continues with the round after the checkpoint, and the finished proof equals
   * the one an uninterrupted run produces. The completed rounds are not recomputed: their tables
   * are loaded from {@code checkpoint}, which is read to its end but not closed.
   *
   * @throws ProverCheckpointException if the checkpoint is truncated, corrupt, of another format
   *     version, or taken for another AIR, options, hash, context or trace
   * @throws IOException if reading {@code checkpoint} fails
   */
  public ProvingSession resume(
      Air air, List<FeltVector> mainTrace, byte[] context, InputStream checkpoint)
      throws IOException, ProverCheckpointException {
    ProvingSession session = start(air, mainTrace, context);
    session.resumeFrom(checkpoint);
    return session;
  }

  /** Round 0: seeds the transcript and returns the session for the remaining rounds. */
  public ProvingSession start(Air air, List<FeltVector> mainTrace, byte[] context) {
    return new ProvingSession(air, options, hasher, ldeBudget, mainTrace, context);
  }
}
