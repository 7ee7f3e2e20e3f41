package io.cairn.cairo.prover;

import io.cairn.air.ProofCodec;
import io.cairn.cairo.air.CairoProofFile;
import io.cairn.prover.ProvingSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One Cairo proof in progress, advanced one stage at a time so that a client can pause between
 * stages (for its CPU preferences) and continue later without redoing finished stages. The stages
 * are the restart points: after the main-trace commitment, after the aux commitment, after the
 * composition commitment. Every stage is deterministic, so a proof completed after pauses equals
 * the uninterrupted one.
 *
 * <p>{@link #writeCheckpoint} streams the finished stages' results (committed tables, transcript)
 * so that {@link CairoProver#resume} continues after a process restart without recomputing them
 * (docs/protocol.md, "Prover checkpoints").
 */
public final class CairoProvingJob {

  /** The restart points, in order. */
  public enum Stage {
    /** The VM has run and the main trace is built. */
    TRACE_BUILT,
    /** The main trace is extended and committed. */
    MAIN_COMMITTED,
    /** The challenges are drawn and the aux trace is committed. */
    AUX_COMMITTED,
    /** The composition polynomial is committed. */
    COMPOSITION_COMMITTED,
    /** Out-of-domain, FRI, grinding and queries are done; the proof is ready. */
    DONE
  }

  private final CairoTrace trace;
  private final ProvingSession session;
  private Stage stage;
  private CairoProofResult result;

  CairoProvingJob(CairoTrace trace, ProvingSession session, Stage stage) {
    this.trace = trace;
    this.session = session;
    this.stage = stage;
  }

  /** The last completed stage. */
  public Stage stage() {
    return stage;
  }

  /** The trace being proven. */
  public CairoTrace trace() {
    return trace;
  }

  /** Runs the next stage; returns the stage reached. */
  public Stage advance() {
    switch (stage) {
      case TRACE_BUILT -> session.commitMainTrace();
      case MAIN_COMMITTED -> session.commitAuxTrace();
      case AUX_COMMITTED -> session.commitComposition();
      case COMPOSITION_COMMITTED -> {
        session.openOutOfDomain();
        session.commitFriLayers();
        session.grind();
        byte[] stark = ProofCodec.encode(session.answerQueries());
        CairoProofFile file =
            new CairoProofFile(trace.statement().claim(), trace.statement().output(), stark);
        result =
            new CairoProofResult(
                file.encode(), trace.statement().output(), trace.statement().claim().steps());
      }
      case DONE -> throw new IllegalStateException("the proof is already complete");
    }
    stage = Stage.values()[stage.ordinal() + 1];
    return stage;
  }

  /**
   * The restart point after the last completed commitment stage, as bytes to persist with the
   * lease: the {@link #writeCheckpoint} stream held in memory. It holds every committed table's
   * coefficients and Merkle leaves, about 2.3 KB per trace row (docs/bench/cairo-prover.md,
   * "Checkpoint size"), so large traces should stream it instead.
   *
   * @throws IllegalStateException unless the stage is {@code MAIN_COMMITTED}, {@code AUX_COMMITTED}
   *     or {@code COMPOSITION_COMMITTED}
   */
  public byte[] checkpoint() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      writeCheckpoint(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Streams the restart point after the last completed commitment stage to {@code out} (flushed,
   * not closed), straight from the prover's tables; {@link CairoProver#resume(byte[], List, String,
   * InputStream)} reads it back.
   *
   * @throws IllegalStateException unless the stage is {@code MAIN_COMMITTED}, {@code AUX_COMMITTED}
   *     or {@code COMPOSITION_COMMITTED}
   * @throws IOException if {@code out} fails
   */
  public void writeCheckpoint(OutputStream out) throws IOException {
    session.writeCheckpoint(out);
  }

  /** Runs stages until {@code target} is reached (no-op if it already is). */
  public Stage runUntil(Stage target) {
    while (stage.compareTo(target) < 0) {
      advance();
    }
    return stage;
  }

  /** Runs the remaining stages and returns the proof. */
  public CairoProofResult finish() {
    runUntil(Stage.DONE);
    return result;
  }
}
