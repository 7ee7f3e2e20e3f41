package io.cairn.verifier;

import io.cairn.air.Air;
import io.cairn.air.ConstraintComposition;
import io.cairn.air.DeepComposition;
import io.cairn.air.EvaluationFrame;
import io.cairn.air.OodFrame;
import io.cairn.air.QueriedRows;
import io.cairn.air.StarkLayout;
import io.cairn.air.StarkProof;
import io.cairn.air.StarkTranscript;
import io.cairn.crypto.Digest;
import io.cairn.crypto.Hasher;
import io.cairn.crypto.MerkleProofException;
import io.cairn.crypto.MerkleVerifier;
import io.cairn.crypto.ProofOfWork;
import io.cairn.crypto.RowLeaves;
import io.cairn.crypto.Transcript;
import io.cairn.fri.EvaluationDomain;
import io.cairn.fri.FriVerificationException;
import io.cairn.fri.FriVerifier;
import io.cairn.math.Felt;
import io.cairn.verifier.VerificationException.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * The verifier's rounds for one proof, mirroring the prover's {@code ProvingSession} round by round
 * (docs/protocol.md): the same transcript operations in the same order, then the checks.
 */
final class VerifierRounds {

  private final Hasher hasher;
  private final Air air;
  private final StarkLayout layout;
  private final StarkProof proof;
  private final Transcript transcript;
  private Felt[] challenges;
  private ConstraintComposition composition;
  private Felt z;
  private DeepComposition deep;
  private FriVerifier fri;

  /** Round 0, "seed". */
  VerifierRounds(Hasher hasher, Air air, StarkLayout layout, StarkProof proof, byte[] context) {
    this.hasher = hasher;
    this.air = air;
    this.layout = layout;
    this.proof = proof;
    this.transcript = StarkTranscript.seed(hasher, air, proof.options(), context);
  }

  void run() throws VerificationException {
    readMainTraceCommitment();
    readAuxTraceCommitment();
    readCompositionCommitment();
    checkOutOfDomain();
    readFriCommitments();
    checkProofOfWork();
    verifyQueries();
  }

  /** Mirror of round 1. */
  private void readMainTraceCommitment() {
    transcript.absorb(StarkTranscript.MAIN_TRACE, proof.traceRoots().get(0));
  }

  /** Mirror of round 2. */
  private void readAuxTraceCommitment() {
    challenges = transcript.sampleFelts(air.numAuxChallenges());
    if (air.auxWidth() > 0) {
      transcript.absorb(StarkTranscript.AUX_TRACE, proof.traceRoots().get(1));
    }
  }

  /** Mirror of round 3. */
  private void readCompositionCommitment() {
    composition = ConstraintComposition.draw(air, challenges, transcript);
    transcript.absorb(StarkTranscript.COMPOSITION, proof.compositionRoot());
  }

  /** Mirror of round 4: H(z) from the constraints must equal Σ z^(i·n)·H_i(z). */
  private void checkOutOfDomain() throws VerificationException {
    z = StarkTranscript.sampleOutOfDomainPoint(transcript, layout);
    OodFrame ood = proof.ood();
    StarkTranscript.absorbOutOfDomainFrame(transcript, ood);
    EvaluationFrame frame = new EvaluationFrame(air.mainWidth(), air.auxWidth());
    for (int c = 0; c < air.mainWidth() + air.auxWidth(); c++) {
      frame.currentRow()[c] = ood.current().get(c);
      frame.nextRow()[c] = ood.next().get(c);
    }
    int n = layout.traceLength();
    Felt g = layout.traceGenerator();
    Felt zToN = z.pow(n);
    int[] rows = composition.boundaryRows();
    Felt[] denominators = new Felt[rows.length + 1];
    denominators[0] = zToN.sub(Felt.ONE);
    for (int r = 0; r < rows.length; r++) {
      denominators[r + 1] = z.sub(g.pow(rows[r]));
    }
    Felt[] inverses = Felt.batchInverse(denominators);
    Felt[] boundary = new Felt[rows.length];
    System.arraycopy(inverses, 1, boundary, 0, rows.length);
    Felt transitionDivisor = z.sub(g.pow(n - 1)).mul(inverses[0]);
    Felt expected =
        composition.evaluate(frame, transitionDivisor, boundary, composition.newScratch());
    Felt actual = Felt.ZERO;
    Felt power = Felt.ONE;
    for (Felt part : ood.compositionParts()) {
      actual = actual.add(part.mul(power));
      power = power.mul(zToN);
    }
    if (!expected.equals(actual)) {
      throw new VerificationException(
          Kind.OOD_CONSTRAINT_MISMATCH, "constraints at z disagree with the composition parts");
    }
  }

  /** Mirror of round 5. */
  private void readFriCommitments() throws VerificationException {
    deep = DeepComposition.draw(transcript, air.mainWidth() + air.auxWidth(), proof.ood());
    fri = new FriVerifier(hasher, layout.friParameters());
    try {
      fri.readCommitments(proof.fri(), transcript);
    } catch (FriVerificationException e) {
      throw new VerificationException(Kind.MALFORMED_PROOF, e.getMessage(), e);
    }
  }

  /** Mirror of round 6. */
  private void checkProofOfWork() throws VerificationException {
    int bits = proof.options().grindingBits();
    if (!new ProofOfWork(hasher, transcript.state(), bits).isValid(proof.powNonce())) {
      throw new VerificationException(
          Kind.PROOF_OF_WORK, "nonce has fewer than " + bits + " zero bits");
    }
    transcript.absorbLong(StarkTranscript.POW_NONCE, proof.powNonce());
  }

  /** Mirror of round 7: authenticate the opened rows, recompute DEEP there, run FRI's checks. */
  private void verifyQueries() throws VerificationException {
    int[] pairs = StarkTranscript.sampleQueryPairs(transcript, layout, proof.options());
    int[] positions = new int[2 * pairs.length];
    for (int j = 0; j < pairs.length; j++) {
      positions[2 * j] = 2 * pairs[j];
      positions[2 * j + 1] = 2 * pairs[j] + 1;
    }
    int mainWidth = air.mainWidth();
    int width = mainWidth + air.auxWidth();
    int[] tableWidths =
        air.auxWidth() > 0 ? new int[] {mainWidth, air.auxWidth()} : new int[] {mainWidth};
    Felt[][] traceRows = new Felt[positions.length][width];
    int columnOffset = 0;
    for (int t = 0; t < tableWidths.length; t++) {
      List<Felt[]> rows =
          authenticate(
              proof.traceRoots().get(t),
              proof.traceQueries().get(t),
              tableWidths[t],
              positions,
              Kind.TRACE_OPENING);
      for (int p = 0; p < positions.length; p++) {
        System.arraycopy(rows.get(p), 0, traceRows[p], columnOffset, tableWidths[t]);
      }
      columnOffset += tableWidths[t];
    }
    List<Felt[]> compositionRows =
        authenticate(
            proof.compositionRoot(),
            proof.compositionQueries(),
            layout.numCompositionParts(),
            positions,
            Kind.COMPOSITION_OPENING);

    EvaluationDomain domain = layout.ldeDomain();
    Felt nextZ = z.mul(layout.traceGenerator());
    Felt[] denominators = new Felt[2 * positions.length];
    for (int p = 0; p < positions.length; p++) {
      Felt x = domain.elementAt(positions[p]);
      denominators[2 * p] = x.sub(z);
      denominators[2 * p + 1] = x.sub(nextZ);
    }
    Felt[] inverses = Felt.batchInverse(denominators);
    Felt[] layer0 = new Felt[positions.length];
    for (int p = 0; p < positions.length; p++) {
      layer0[p] =
          deep.evaluate(traceRows[p], compositionRows.get(p), inverses[2 * p], inverses[2 * p + 1]);
    }
    try {
      fri.verifyQueries(pairs, layer0);
    } catch (FriVerificationException e) {
      Kind kind =
          switch (e.kind()) {
            case SHAPE -> Kind.MALFORMED_PROOF;
            case LAYER_OPENING -> Kind.FRI_LAYER_OPENING;
            case FOLDING -> Kind.FRI_FOLDING;
            case REMAINDER -> Kind.FRI_REMAINDER;
          };
      throw new VerificationException(kind, e.getMessage(), e);
    }
  }

  private List<Felt[]> authenticate(
      Digest root, QueriedRows queried, int width, int[] positions, Kind kind)
      throws VerificationException {
    List<Felt> values = queried.values();
    if (values.size() != positions.length * width) {
      throw new VerificationException(Kind.MALFORMED_PROOF, "opened value count differs");
    }
    List<Felt[]> rows = new ArrayList<>(positions.length);
    List<Digest> leaves = new ArrayList<>(positions.length);
    for (int p = 0; p < positions.length; p++) {
      List<Felt> row = values.subList(p * width, (p + 1) * width);
      rows.add(row.toArray(new Felt[0]));
      leaves.add(RowLeaves.hashRow(hasher, row));
    }
    try {
      new MerkleVerifier(hasher)
          .verify(root, layout.ldeDomain().logSize(), positions, leaves, queried.opening());
    } catch (MerkleProofException e) {
      throw new VerificationException(kind, e.getMessage(), e);
    }
    return rows;
  }
}
