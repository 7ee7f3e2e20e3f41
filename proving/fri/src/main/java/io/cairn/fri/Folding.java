package io.cairn.fri;

import io.cairn.math.Felt;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The FRI folding step, written once for prover and verifier.
 *
 * <p>For {@code f(X) = f_e(X²) + X·f_o(X²)}, the folded polynomial is {@code g(Y) = f_e(Y) +
 * β·f_o(Y)}; from the pair {@code a = f(x)}, {@code b = f(−x)} its value at {@code y = x²} is
 * {@code (a + b)/2 + β·(a − b)/(2x)}.
 */
final class Folding {

  private static final Felt HALF = Felt.TWO.inverse();

  private Folding() {}

  /** Folds the pair ({@code f(x)}, {@code f(−x)}) given {@code 1/(2x)}. */
  static Felt foldPair(Felt a, Felt b, Felt beta, Felt inverseTwoX) {
    return a.add(b).mul(HALF).add(beta.mul(a.sub(b)).mul(inverseTwoX));
  }

  /** Folds a whole layer in bit-reversed order over {@code domain}; returns half as many values. */
  static Felt[] foldLayer(Felt[] values, EvaluationDomain domain, Felt beta) {
    int half = values.length / 2;
    int bits = domain.logSize() - 1;
    Felt[] inverseTwoX = new Felt[half];
    Felt inverseGenerator = domain.generator().inverse();
    Felt power = domain.offset().twice().inverse();
    for (int j = 0; j < half; j++) {
      inverseTwoX[j] = power;
      power = power.mul(inverseGenerator);
    }
    Felt[] folded = new Felt[half];
    IntStream.range(0, half)
        .parallel()
        .forEach(
            k ->
                folded[k] =
                    foldPair(
                        values[2 * k],
                        values[2 * k + 1],
                        beta,
                        inverseTwoX[EvaluationDomain.bitReverse(k, bits)]));
    return folded;
  }

  /** Evaluates {@code coefficients} (lowest degree first) at {@code x} by Horner's rule. */
  static Felt evaluate(List<Felt> coefficients, Felt x) {
    Felt acc = Felt.ZERO;
    for (int i = coefficients.size() - 1; i >= 0; i--) {
      acc = acc.mul(x).add(coefficients.get(i));
    }
    return acc;
  }
}
