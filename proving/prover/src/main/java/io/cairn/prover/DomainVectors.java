package io.cairn.prover;

import io.cairn.fri.EvaluationDomain;
import io.cairn.math.Felt;
import io.cairn.math.FeltVector;

/** The LDE domain's points and the divisors over them, built with allocation-free kernels. */
final class DomainVectors {

  private DomainVectors() {}

  /** The points {@code x_(k·stride) = offset·ω^(k·stride)} in natural order. */
  static FeltVector points(EvaluationDomain domain, int stride) {
    FeltVector xs = FeltVector.powers(domain.generator().pow(stride), domain.size() / stride);
    xs.mulBy(domain.offset());
    return xs;
  }

  /** {@code 1/(x − point)} for every x of {@code xs}; the point must lie outside them. */
  static FeltVector inverseDifferences(FeltVector xs, Felt point) {
    FeltVector result = xs.copy();
    FeltVector constant = new FeltVector(xs.length());
    constant.fill(point);
    result.subInPlace(constant);
    result.invertInPlace();
    return result;
  }
}
