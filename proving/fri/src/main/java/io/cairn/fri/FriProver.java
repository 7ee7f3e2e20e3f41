package io.cairn.fri;

import io.cairn.crypto.Hasher;
import io.cairn.crypto.MerkleTree;
import io.cairn.crypto.RowLeaves;
import io.cairn.crypto.Transcript;
import io.cairn.math.Felt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The FRI prover for one polynomial: commits the folded layers ({@link #commitLayers}) and later
 * answers the queries ({@link #answerQueries}); mirrored by {@link FriVerifier}.
 *
 * <p>Layer 0 is the caller's evaluations (already bound by the caller's commitments), so it is not
 * committed here. Each round draws a folding challenge, folds by two and commits the new layer with
 * leaves {@code (f(x), f(−x))}; the last layer is sent as its coefficients. One instance serves one
 * proof.
 */
public final class FriProver {

  private final Hasher hasher;
  private final FriParameters parameters;
  private final List<Felt[]> layers = new ArrayList<>();
  private final List<MerkleTree> trees = new ArrayList<>();
  private List<Felt> remainder;

  /** A prover for a polynomial of the given shape. */
  public FriProver(Hasher hasher, FriParameters parameters) {
    this.hasher = hasher;
    this.parameters = parameters;
  }

  /**
   * Round "FRI commit": folds {@code evaluations} (bit-reversed over the layer-0 domain) down to
   * the remainder; per fold samples {@code β}, then absorbs the new layer's root ({@code
   * "fri-layer"}), and finally absorbs the remainder coefficients ({@code "fri-remainder"}).
   *
   * @throws IllegalStateException if the evaluations exceed the degree bound (a prover bug)
   */
  public void commitLayers(Felt[] evaluations, Transcript transcript) {
    if (evaluations.length != parameters.domain().size() || !layers.isEmpty()) {
      throw new IllegalArgumentException("evaluations must cover the layer-0 domain, once");
    }
    Felt[] current = evaluations;
    layers.add(current);
    for (int i = 0; i < parameters.numFolds(); i++) {
      Felt beta = transcript.sampleFelt();
      current = Folding.foldLayer(current, parameters.layerDomain(i), beta);
      layers.add(current);
      if (i + 1 < parameters.numFolds()) {
        Felt[] layer = current;
        byte[] leaves =
            RowLeaves.hashRows(
                hasher,
                layer.length / 2,
                2,
                (row, column, out, offset) -> layer[2 * row + column].writeBytesBE(out, offset));
        MerkleTree tree = MerkleTree.build(hasher, leaves);
        trees.add(tree);
        transcript.absorb("fri-layer", tree.root());
      }
    }
    remainder = interpolate(current, parameters.layerDomain(parameters.numFolds()));
    transcript.absorbFelts("fri-remainder", remainder);
  }

  /**
   * Round "FRI queries": opens every committed layer at the leaves the query pairs fold into.
   *
   * @param pairIndices distinct increasing layer-0 pair indices in {@code [0, size/2)}
   */
  public FriProof answerQueries(int[] pairIndices) {
    List<FriLayerQueries> answers = new ArrayList<>();
    for (int layer = 1; layer <= trees.size(); layer++) {
      int[] leaves = FriVerifier.leavesOfLayer(pairIndices, layer);
      Felt[] values = layers.get(layer);
      List<Felt> opened = new ArrayList<>(2 * leaves.length);
      for (int leaf : leaves) {
        opened.add(values[2 * leaf]);
        opened.add(values[2 * leaf + 1]);
      }
      answers.add(new FriLayerQueries(opened, trees.get(layer - 1).open(leaves)));
    }
    return new FriProof(trees.stream().map(MerkleTree::root).toList(), remainder, answers);
  }

  /** Interpolates the last layer naively (it is small) and checks its high coefficients vanish. */
  private List<Felt> interpolate(Felt[] values, EvaluationDomain domain) {
    int size = values.length;
    int bits = domain.logSize();
    Felt[] natural = new Felt[size];
    for (int j = 0; j < size; j++) {
      natural[j] = values[EvaluationDomain.bitReverse(j, bits)];
    }
    Felt inverseGenerator = domain.generator().inverse();
    Felt inverseOffset = domain.offset().inverse();
    Felt scale = Felt.of(size).inverse();
    Felt[] coefficients = new Felt[size];
    Felt rootPower = Felt.ONE;
    for (int i = 0; i < size; i++) {
      Felt sum = Felt.ZERO;
      Felt w = Felt.ONE;
      for (int j = 0; j < size; j++) {
        sum = sum.add(natural[j].mul(w));
        w = w.mul(rootPower);
      }
      coefficients[i] = sum.mul(scale).mul(inverseOffset.pow(i));
      rootPower = rootPower.mul(inverseGenerator);
    }
    int kept = parameters.remainderCoefficients();
    for (int i = kept; i < size; i++) {
      if (!coefficients[i].isZero()) {
        throw new IllegalStateException("FRI input exceeds its degree bound");
      }
    }
    return Arrays.asList(coefficients).subList(0, kept);
  }
}
