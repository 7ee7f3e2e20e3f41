package io.cairn.prover;

import io.cairn.air.Air;
import io.cairn.air.ConstraintComposition;
import io.cairn.air.DeepComposition;
import io.cairn.air.OodFrame;
import io.cairn.air.ProofOptions;
import io.cairn.air.QueriedRows;
import io.cairn.air.StarkLayout;
import io.cairn.air.StarkProof;
import io.cairn.air.StarkTranscript;
import io.cairn.crypto.Digest;
import io.cairn.crypto.Hasher;
import io.cairn.crypto.ProofOfWork;
import io.cairn.crypto.Transcript;
import io.cairn.fri.EvaluationDomain;
import io.cairn.fri.FriProof;
import io.cairn.fri.FriProver;
import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import io.cairn.math.Fft;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * One proof in progress, as the explicit rounds of docs/protocol.md. Call the round methods in
 * order (or {@link StarkProver#prove}, which does); each round reads the state the previous ones
 * left and advances the transcript, whose {@link #transcriptSnapshot} captures it between rounds.
 * Every round is deterministic. After rounds 1, 2 and 3 {@link #writeCheckpoint} streams what the
 * finished rounds produced (docs/protocol.md, "Prover checkpoints"); {@link StarkProver#resume}
 * reloads it without recomputing those rounds, and the finished proof equals the uninterrupted one.
 */
public final class ProvingSession {

  private enum Round {
    SEEDED,
    MAIN,
    AUX,
    COMPOSITION,
    OOD,
    FRI,
    GRIND,
    DONE
  }

  private final Air air;
  private final ProofOptions options;
  private final Hasher hasher;
  private final StarkLayout layout;
  private final Transcript transcript;
  private final byte[] seed;
  private final boolean keepLde;
  private byte[] traceDigest;
  private int computedTables;
  private int restoredTables;
  private List<FeltVector> mainTrace; // released after round 2, its last reader
  private final List<CommittedTable> traceTables = new ArrayList<>();
  private Round round = Round.SEEDED;
  private Felt[] challenges = new Felt[0];
  private CommittedTable composition;
  private OodFrame ood;
  private Felt oodPoint;
  private FriProver fri;
  private long nonce;

  /** Round 0, "seed": absorbs options, AIR shape, public inputs and context. */
  ProvingSession(
      Air air,
      ProofOptions options,
      Hasher hasher,
      long ldeBudget,
      List<FeltVector> mainTrace,
      byte[] context) {
    this.air = air;
    this.options = options;
    this.hasher = hasher;
    this.layout = new StarkLayout(air, options);
    this.keepLde = ldeBytes(air, layout) <= ldeBudget;
    if (mainTrace.size() != air.mainWidth()
        || mainTrace.stream().anyMatch(c -> c.length() != air.traceLength())) {
      throw new IllegalArgumentException("main trace must have mainWidth columns of traceLength");
    }
    this.mainTrace = mainTrace;
    this.transcript = StarkTranscript.seed(hasher, air, options, context);
    this.seed = transcript.snapshot();
  }

  /** The bytes of every committed table's whole LDE: (main + aux + parts) columns of N felts. */
  static long ldeBytes(Air air, StarkLayout layout) {
    long columns = air.mainWidth() + air.auxWidth() + layout.numCompositionParts();
    return columns * layout.ldeDomain().size() * Felt.BYTES;
  }

  private void advance(Round from, Round to) {
    if (round != from) {
      throw new IllegalStateException("round " + to + " must follow " + from + ", not " + round);
    }
    round = to;
  }

  /** Round 1, "main trace": LDE of the main columns, commit, absorb the root. */
  public void commitMainTrace() {
    advance(Round.SEEDED, Round.MAIN);
    installMain(
        computed(CommittedTable.fromTrace(hasher, mainTrace, layout.ldeDomain(), false, keepLde)));
  }

  private void installMain(CommittedTable main) {
    traceTables.add(main);
    transcript.absorb(StarkTranscript.MAIN_TRACE, main.tree().root());
  }

  private void installAux(CommittedTable table) {
    traceTables.add(table);
    transcript.absorb(StarkTranscript.AUX_TRACE, table.tree().root());
  }

  /** Releases the main trace after round 2, its last reader, keeping its digest for checkpoints. */
  private void releaseMainTrace() {
    traceDigest();
    mainTrace = null;
  }

  /** Round 2, "aux trace": draw the challenges, build, extend and commit the aux columns. */
  public void commitAuxTrace() {
    advance(Round.MAIN, Round.AUX);
    challenges = transcript.sampleFelts(air.numAuxChallenges());
    if (air.auxWidth() > 0) {
      List<FeltVector> aux = air.buildAuxTrace(mainTrace, challenges);
      installAux(
          computed(CommittedTable.fromTrace(hasher, aux, layout.ldeDomain(), true, keepLde)));
    }
    releaseMainTrace();
  }

  /**
   * Round 3, "composition": draw the constraint coefficients, evaluate H on the sub-coset of the
   * LDE domain just large enough for its degree, interpolate, split it into parts of degree below
   * n, extend and commit them.
   *
   * @throws IllegalArgumentException if H is not of low degree: the trace breaks the constraints
   */
  public void commitComposition() {
    advance(Round.AUX, Round.COMPOSITION);
    ConstraintComposition constraints = ConstraintComposition.draw(air, challenges, transcript);
    ConstraintEvaluator evaluator =
        new ConstraintEvaluator(constraints, layout, air.mainWidth(), air.auxWidth());
    int n = layout.traceLength();
    int parts = layout.numCompositionParts();
    int blowup = layout.ldeDomain().size() / n;
    int stride = blowup / Integer.highestOneBit(2 * parts - 1);
    FeltVector values = evaluator.evaluateOnSubdomain(stride, this::traceCoset);
    FeltVector coefficients = Fft.interpolateFromCoset(values, layout.ldeDomain().offset());
    for (int i = parts * n; i < coefficients.length(); i++) {
      if (!coefficients.get(i).isZero()) {
        throw new IllegalArgumentException("the trace does not satisfy the AIR's constraints");
      }
    }
    List<FeltVector> partCoefficients = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      partCoefficients.add(coefficients.copyOfRange(p * n, (p + 1) * n));
    }
    composition =
        computed(
            CommittedTable.fromCoefficients(hasher, partCoefficients, layout.ldeDomain(), keepLde));
    if (stride > 1) {
      spotCheckComposition(evaluator, stride);
    }
    transcript.absorb(StarkTranscript.COMPOSITION, composition.tree().root());
  }

  /**
   * H was interpolated from the points of one sub-coset, which always yields a polynomial; if the
   * trace breaks a constraint, H is not one, so it disagrees with the interpolant at other points.
   * Checks a few of them so a bad trace fails here rather than at the verifier.
   */
  private void spotCheckComposition(ConstraintEvaluator evaluator, int stride) {
    int n = layout.traceLength();
    int blowup = layout.ldeDomain().size() / n;
    int bits = layout.ldeDomain().logSize();
    int checks = 4;
    // positions of x_index (first half) and of its next row x_(index + blowup) (second half)
    int[] positions = new int[2 * checks];
    for (int j = 0; j < checks; j++) {
      int index = 1 + j * stride;
      positions[j] = EvaluationDomain.bitReverse(index, bits);
      positions[checks + j] =
          EvaluationDomain.bitReverse((index + blowup) % layout.ldeDomain().size(), bits);
    }
    List<Felt[][]> tableRows = traceTables.stream().map(t -> t.rows(positions)).toList();
    Felt[][] parts = composition.rows(Arrays.copyOf(positions, checks));
    for (int j = 0; j < checks; j++) {
      int index = 1 + j * stride;
      Felt x = layout.ldeDomain().offset().mul(layout.ldeDomain().generator().pow(index));
      Felt xToN = x.pow(n);
      Felt fromParts = Felt.ZERO;
      Felt power = Felt.ONE;
      for (Felt part : parts[j]) {
        fromParts = fromParts.add(part.mul(power));
        power = power.mul(xToN);
      }
      List<Felt> current = new ArrayList<>();
      List<Felt> following = new ArrayList<>();
      for (Felt[][] rows : tableRows) {
        current.addAll(List.of(rows[j]));
        following.addAll(List.of(rows[checks + j]));
      }
      if (!fromParts.equals(evaluator.evaluateAt(x, current, following))) {
        throw new IllegalArgumentException("the trace does not satisfy the AIR's constraints");
      }
    }
  }

  /** Round 4, "out of domain": draw z, evaluate every column at z and g·z, every part at z. */
  public void openOutOfDomain() {
    advance(Round.COMPOSITION, Round.OOD);
    Felt z = StarkTranscript.sampleOutOfDomainPoint(transcript, layout);
    Felt nextZ = z.mul(layout.traceGenerator());
    ood = new OodFrame(traceRowAt(z), traceRowAt(nextZ), composition.evaluateAt(z));
    StarkTranscript.absorbOutOfDomainFrame(transcript, ood);
    oodPoint = z;
  }

  /** Round 5, "FRI commit": draw the DEEP coefficients, evaluate DEEP, commit the FRI layers. */
  public void commitFriLayers() {
    advance(Round.OOD, Round.FRI);
    DeepComposition deep = DeepComposition.draw(transcript, air.mainWidth() + air.auxWidth(), ood);
    List<FeltVector> traceCoefficients = new ArrayList<>();
    traceTables.forEach(t -> traceCoefficients.addAll(t.coefficients()));
    Felt[] layer0 =
        DeepEvaluator.evaluate(
            deep,
            layout.ldeDomain(),
            traceCoefficients,
            composition.coefficients(),
            oodPoint,
            oodPoint.mul(layout.traceGenerator()));
    fri = new FriProver(hasher, layout.friParameters());
    fri.commitLayers(layer0, transcript);
  }

  /** Round 6, "grinding": find the proof-of-work nonce and absorb it. */
  public void grind() {
    advance(Round.FRI, Round.GRIND);
    nonce = new ProofOfWork(hasher, transcript.state(), options.grindingBits()).solve();
    transcript.absorbLong(StarkTranscript.POW_NONCE, nonce);
  }

  /** Round 7, "queries": draw the query pairs and open every commitment there. */
  public StarkProof answerQueries() {
    advance(Round.GRIND, Round.DONE);
    int[] pairs = StarkTranscript.sampleQueryPairs(transcript, layout, options);
    int[] positions = new int[2 * pairs.length];
    for (int j = 0; j < pairs.length; j++) {
      positions[2 * j] = 2 * pairs[j];
      positions[2 * j + 1] = 2 * pairs[j] + 1;
    }
    List<QueriedRows> traceQueries = traceTables.stream().map(t -> t.open(positions)).toList();
    FriProof friProof = fri.answerQueries(pairs);
    List<Digest> roots = traceTables.stream().map(t -> t.tree().root()).toList();
    return new StarkProof(
        options,
        roots,
        composition.tree().root(),
        ood,
        friProof,
        nonce,
        traceQueries,
        composition.open(positions));
  }

  /**
   * Captures the session after round 1, 2 or 3 (the commitment rounds).
   *
   * @throws IllegalStateException in any other round
   */
  public ProverCheckpoint checkpoint() {
    int completed =
        switch (round) {
          case MAIN -> 1;
          case AUX -> 2;
          case COMPOSITION -> 3;
          default -> throw new IllegalStateException("no checkpoint in round " + round);
        };
    List<Digest> roots = new ArrayList<>();
    traceTables.forEach(t -> roots.add(t.tree().root()));
    if (composition != null) {
      roots.add(composition.tree().root());
    }
    return new ProverCheckpoint(completed, roots, transcript.snapshot());
  }

  /**
   * Streams the state after round 1, 2 or 3 to {@code out} (format version {@value
   * CheckpointCodec#VERSION}, docs/protocol.md "Prover checkpoints"): every committed table's
   * coefficients and Merkle leaf digests, the transcript, and what binds it to this AIR, options,
   * hash, context and trace. Tables are written from the session's own storage, not copied.
   *
   * @throws IllegalStateException in any other round
   * @throws IOException if {@code out} fails; it is flushed, not closed
   */
  public void writeCheckpoint(OutputStream out) throws IOException {
    ProverCheckpoint summary = checkpoint();
    List<CommittedTable> tables = new ArrayList<>(traceTables);
    if (composition != null) {
      tables.add(composition);
    }
    CheckpointCodec.write(
        out, summary.completedRounds(), seed, traceDigest(), transcript.snapshot(), tables);
  }

  /**
   * Brings this fresh session to the checkpoint read from {@code in}: loads the committed tables
   * (rebuilding only the inner Merkle nodes from the saved leaves), replays the cheap transcript
   * steps of the completed rounds and checks the result against the saved roots and transcript. No
   * FFT, row hashing or constraint evaluation of a completed round is repeated.
   *
   * @throws ProverCheckpointException if the checkpoint is truncated, corrupt, of another version
   *     or of another AIR, options, hash, context or trace; this session is unusable afterwards
   */
  void resumeFrom(InputStream in) throws IOException, ProverCheckpointException {
    if (round != Round.SEEDED) {
      throw new IllegalStateException("resume needs a fresh session, not one in round " + round);
    }
    CheckpointCodec.Saved saved =
        CheckpointCodec.read(
            in,
            new CheckpointCodec.Expectations(
                seed,
                this::traceDigest,
                layout.traceLength(),
                layout.ldeDomain().size(),
                this::tableWidths));
    Iterator<CheckpointCodec.SavedTable> tables = saved.tables().iterator();
    advance(Round.SEEDED, Round.MAIN);
    installMain(restored(tables.next()));
    if (saved.completedRounds() >= 2) {
      advance(Round.MAIN, Round.AUX);
      challenges = transcript.sampleFelts(air.numAuxChallenges());
      if (air.auxWidth() > 0) {
        installAux(restored(tables.next()));
      }
      releaseMainTrace();
    }
    if (saved.completedRounds() >= 3) {
      advance(Round.AUX, Round.COMPOSITION);
      ConstraintComposition.draw(air, challenges, transcript);
      composition = restored(tables.next());
      transcript.absorb(StarkTranscript.COMPOSITION, composition.tree().root());
    }
    if (!Arrays.equals(transcript.snapshot(), saved.transcript())) {
      throw new ProverCheckpointException(
          ProverCheckpointException.Kind.CORRUPT, "the transcript does not match the commitments");
    }
  }

  private int[] tableWidths(int rounds) {
    List<Integer> widths = new ArrayList<>(List.of(air.mainWidth()));
    if (rounds >= 2 && air.auxWidth() > 0) {
      widths.add(air.auxWidth());
    }
    if (rounds >= 3) {
      widths.add(layout.numCompositionParts());
    }
    return widths.stream().mapToInt(Integer::intValue).toArray();
  }

  private CommittedTable computed(CommittedTable table) {
    computedTables++;
    return table;
  }

  private CommittedTable restored(CheckpointCodec.SavedTable saved)
      throws ProverCheckpointException {
    CommittedTable table =
        CommittedTable.restored(hasher, saved.coefficients(), saved.leaves(), layout.ldeDomain());
    if (!table.tree().root().equals(saved.root())) {
      throw new ProverCheckpointException(
          ProverCheckpointException.Kind.CORRUPT, "a table's leaves do not hash to its root");
    }
    restoredTables++;
    return table;
  }

  /** Whether the tables this session commits keep their whole LDE (the budget allows it). */
  boolean keepsLde() {
    return keepLde;
  }

  /** Tables this session extended (FFT) and hashed row by row; for tests of resume's cost. */
  int computedTables() {
    return computedTables;
  }

  /** Tables this session loaded from a checkpoint; for tests of resume's cost. */
  int restoredTables() {
    return restoredTables;
  }

  /** A digest of the main trace ({@link CheckpointCodec#traceDigest}), computed once. */
  private byte[] traceDigest() {
    if (traceDigest == null) {
      traceDigest = CheckpointCodec.traceDigest(hasher, mainTrace);
    }
    return traceDigest;
  }

  /** The transcript state between rounds (see {@link Transcript#snapshot}). */
  public byte[] transcriptSnapshot() {
    return transcript.snapshot();
  }

  /** The trace columns (main then aux) on coset j of the LDE domain ({@link CommittedTable}). */
  private List<FeltVector> traceCoset(int j) {
    List<FeltVector> all = new ArrayList<>();
    traceTables.forEach(t -> all.addAll(t.coset(j)));
    return all;
  }

  /** Every trace column (main then aux) evaluated at {@code x}. */
  private List<Felt> traceRowAt(Felt x) {
    List<Felt> row = new ArrayList<>();
    traceTables.forEach(t -> row.addAll(t.evaluateAt(x)));
    return row;
  }
}
