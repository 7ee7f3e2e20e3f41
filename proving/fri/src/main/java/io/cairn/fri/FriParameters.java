package io.cairn.fri;

/**
 * The shape of one FRI instance, known to prover and verifier before any message: the domain of
 * layer 0 and the degree bound to prove.
 *
 * <p>Each fold halves the domain and the degree bound. Folding stops as soon as the degree bound is
 * at most {@link #MAX_REMAINDER_COEFFICIENTS}; that last layer, the remainder, is sent as its
 * coefficients instead of being committed. Layers 1 to {@code numFolds − 1} are committed.
 *
 * @param domain the layer-0 evaluation domain (bit-reversed order)
 * @param degreeBound the claimed bound: the polynomial has degree {@code < degreeBound}, a power of
 *     two strictly smaller than the domain
 */
public record FriParameters(EvaluationDomain domain, int degreeBound) {

  /** The largest number of coefficients the remainder polynomial may have. */
  public static final int MAX_REMAINDER_COEFFICIENTS = 8;

  /** Validates the shape. */
  public FriParameters {
    if (degreeBound < 1 || Integer.bitCount(degreeBound) != 1 || degreeBound >= domain.size()) {
      throw new IllegalArgumentException("degree bound must be a power of two below the domain");
    }
  }

  /** How many times the layers are folded in half. */
  public int numFolds() {
    int folds = 0;
    for (int d = degreeBound; d > MAX_REMAINDER_COEFFICIENTS; d >>= 1) {
      folds++;
    }
    return folds;
  }

  /** The number of committed layers (all folded layers but the remainder). */
  public int numCommittedLayers() {
    return Math.max(0, numFolds() - 1);
  }

  /** The number of remainder coefficients. */
  public int remainderCoefficients() {
    return degreeBound >> numFolds();
  }

  /** The domain of layer {@code layer} (0 is the input). */
  public EvaluationDomain layerDomain(int layer) {
    EvaluationDomain d = domain;
    for (int i = 0; i < layer; i++) {
      d = d.squared();
    }
    return d;
  }
}
