package io.cairn.fri;

import io.cairn.crypto.Digest;
import io.cairn.crypto.Hasher;
import io.cairn.crypto.MerkleProofException;
import io.cairn.crypto.MerkleVerifier;
import io.cairn.crypto.RowLeaves;
import io.cairn.crypto.Transcript;
import io.cairn.fri.FriVerificationException.Kind;
import io.cairn.math.Felt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The FRI verifier for one proof, the mirror of {@link FriProver}: {@link #readCommitments} replays
 * the commit rounds on the transcript, {@link #verifyQueries} checks the openings. Its cost is
 * proportional to queries × layers, never to the domain size.
 */
public final class FriVerifier {

  private final Hasher hasher;
  private final FriParameters parameters;
  private final List<Felt> betas = new ArrayList<>();
  private FriProof proof;

  /** A verifier for a polynomial of the given shape. */
  public FriVerifier(Hasher hasher, FriParameters parameters) {
    this.hasher = hasher;
    this.parameters = parameters;
  }

  /**
   * Mirror of {@link FriProver#commitLayers}: checks the proof's shape, samples the folding
   * challenges and absorbs the layer roots and the remainder exactly as the prover did.
   */
  public void readCommitments(FriProof proof, Transcript transcript)
      throws FriVerificationException {
    if (proof.layerRoots().size() != parameters.numCommittedLayers()
        || proof.layerQueries().size() != parameters.numCommittedLayers()
        || proof.remainder().size() != parameters.remainderCoefficients()) {
      throw new FriVerificationException(Kind.SHAPE, "layer or remainder count differs");
    }
    for (int i = 0; i < parameters.numFolds(); i++) {
      betas.add(transcript.sampleFelt());
      if (i + 1 < parameters.numFolds()) {
        transcript.absorb("fri-layer", proof.layerRoots().get(i));
      }
    }
    transcript.absorbFelts("fri-remainder", proof.remainder());
    this.proof = proof;
  }

  /**
   * Mirror of {@link FriProver#answerQueries}: checks that the layer-0 values fold, layer by layer,
   * into the opened values and finally into the remainder polynomial.
   *
   * @param pairIndices distinct increasing layer-0 pair indices
   * @param layer0Values {@code f(x), f(−x)} for each pair index, computed by the caller
   */
  public void verifyQueries(int[] pairIndices, Felt[] layer0Values)
      throws FriVerificationException {
    int count = pairIndices.length;
    EvaluationDomain domain = parameters.domain();
    Felt[] current = new Felt[count];
    Felt[] points = new Felt[count];
    if (parameters.numFolds() == 0) {
      for (int j = 0; j < count; j++) {
        Felt x = domain.elementAt(2 * pairIndices[j]);
        checkRemainder(x, layer0Values[2 * j]);
        checkRemainder(x.neg(), layer0Values[2 * j + 1]);
      }
      return;
    }
    Felt[] firstPoints = new Felt[count];
    for (int j = 0; j < count; j++) {
      firstPoints[j] = domain.elementAt(2 * pairIndices[j]);
    }
    foldQueries(layer0Values, firstPoints, betas.get(0), current, points);
    MerkleVerifier merkle = new MerkleVerifier(hasher);
    for (int layer = 1; layer < parameters.numFolds(); layer++) {
      int[] leaves = leavesOfLayer(pairIndices, layer);
      FriLayerQueries answer = proof.layerQueries().get(layer - 1);
      if (answer.values().size() != 2 * leaves.length) {
        throw new FriVerificationException(Kind.SHAPE, "layer " + layer + " value count differs");
      }
      List<Digest> leafDigests = new ArrayList<>(leaves.length);
      for (int i = 0; i < leaves.length; i++) {
        leafDigests.add(RowLeaves.hashRow(hasher, answer.values().subList(2 * i, 2 * i + 2)));
      }
      try {
        merkle.verify(
            proof.layerRoots().get(layer - 1),
            parameters.layerDomain(layer).logSize() - 1,
            leaves,
            leafDigests,
            answer.opening());
      } catch (MerkleProofException e) {
        throw new FriVerificationException(
            Kind.LAYER_OPENING, "layer " + layer + ": " + e.getMessage());
      }
      Felt[] pairs = new Felt[2 * count];
      for (int j = 0; j < count; j++) {
        int position = pairIndices[j] >> (layer - 1);
        int leaf = Arrays.binarySearch(leaves, position >> 1);
        int side = position & 1;
        Felt expected = answer.values().get(2 * leaf + side);
        if (!expected.equals(current[j])) {
          throw new FriVerificationException(Kind.FOLDING, "layer " + layer + ", query " + j);
        }
        pairs[2 * j] = answer.values().get(2 * leaf);
        pairs[2 * j + 1] = answer.values().get(2 * leaf + 1);
        firstPoints[j] = side == 0 ? points[j] : points[j].neg();
      }
      foldQueries(pairs, firstPoints, betas.get(layer), current, points);
    }
    for (int j = 0; j < count; j++) {
      checkRemainder(points[j], current[j]);
    }
  }

  private static void foldQueries(
      Felt[] pairs, Felt[] firstPoints, Felt beta, Felt[] folded, Felt[] foldedPoints) {
    Felt[] twoX = new Felt[firstPoints.length];
    for (int j = 0; j < twoX.length; j++) {
      twoX[j] = firstPoints[j].twice();
    }
    Felt[] inverses = Felt.batchInverse(twoX);
    for (int j = 0; j < twoX.length; j++) {
      folded[j] = Folding.foldPair(pairs[2 * j], pairs[2 * j + 1], beta, inverses[j]);
      foldedPoints[j] = firstPoints[j].square();
    }
  }

  private void checkRemainder(Felt x, Felt value) throws FriVerificationException {
    if (!Folding.evaluate(proof.remainder(), x).equals(value)) {
      throw new FriVerificationException(Kind.REMAINDER, "last layer differs from the remainder");
    }
  }

  /** The distinct increasing leaves of committed layer {@code layer} that the queries touch. */
  static int[] leavesOfLayer(int[] pairIndices, int layer) {
    return Arrays.stream(pairIndices).map(q -> q >> layer).distinct().toArray();
  }
}
