package io.cairn.prover;

import io.cairn.air.DeepComposition;
import io.cairn.fri.EvaluationDomain;
import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import io.cairn.math.Fft;
import java.util.List;

/**
 * Evaluates the DEEP composition polynomial over the whole LDE domain ({@link
 * DeepComposition#evaluateOverDomain}, the vector form of what the verifier evaluates at the
 * queried points) and returns the values in bit-reversed order, ready to be FRI layer 0.
 *
 * <p>D is linear in the columns, so the columns are combined as coefficients ({@link
 * DeepComposition#combine}: n multiply-adds per column) and only the two combinations are extended
 * to the LDE domain: two FFTs of size N instead of one per column, and no column's LDE is needed.
 */
final class DeepEvaluator {

  private DeepEvaluator() {}

  static Felt[] evaluate(
      DeepComposition deep,
      EvaluationDomain domain,
      List<FeltVector> traceCoefficients,
      List<FeltVector> compositionCoefficients,
      Felt z,
      Felt nextZ) {
    FeltVector[] combined = deep.combine(traceCoefficients, compositionCoefficients);
    FeltVector a = Fft.evaluateOnCoset(combined[0], domain.offset(), domain.size());
    FeltVector b = Fft.evaluateOnCoset(combined[1], domain.offset(), domain.size());
    FeltVector xs = DomainVectors.points(domain, 1);
    FeltVector inverseZ = DomainVectors.inverseDifferences(xs, z);
    FeltVector inverseNextZ = DomainVectors.inverseDifferences(xs, nextZ);
    FeltVector values = deep.evaluateOverDomain(a, b, inverseZ, inverseNextZ);
    values.bitReversePermute();
    return values.toArray();
  }
}
