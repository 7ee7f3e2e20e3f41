package io.cairn.prover;

import io.cairn.fri.EvaluationDomain;
import io.cairn.math.Felt;
import io.cairn.math.FeltVector;

/**
 * A point z outside the LDE domain, prepared for barycentric interpolation of polynomials of degree
 * below n from their LDE evaluations.
 *
 * <p>The LDE points {@code x_k = s·g^k} (every {@code blowup}-th one, s the coset offset) form the
 * coset {@code s·⟨g⟩} of size n, whose vanishing polynomial is {@code X^n − s^n}. For t of degree
 * below n: {@code t(z) = (z^n − s^n)/(n·s^n) · Σ_k t(x_k)·x_k/(z − x_k)}. The weights are shared by
 * every column, so each column costs n multiply-adds, as Horner's rule on coefficients would.
 */
final class OutOfDomainPoint {

  private final int stride;
  private final FeltVector weights;
  private final Felt scale;

  OutOfDomainPoint(EvaluationDomain domain, int traceLength, Felt z) {
    this.stride = domain.size() / traceLength;
    FeltVector xs = DomainVectors.points(domain, stride);
    this.weights = DomainVectors.inverseDifferences(xs, z); // 1/(x_k − z) = −1/(z − x_k)
    weights.mulInPlace(xs);
    Felt offsetToN = domain.offset().pow(traceLength);
    this.scale = offsetToN.sub(z.pow(traceLength)).div(Felt.of(traceLength).mul(offsetToN));
  }

  /** The value at z of the polynomial (degree below n) whose LDE evaluations are {@code lde}. */
  Felt interpolate(FeltVector lde) {
    Felt sum = Felt.ZERO;
    for (int k = 0; k < weights.length(); k++) {
      sum = sum.add(lde.get(k * stride).mul(weights.get(k)));
    }
    return sum.mul(scale);
  }
}
