package io.cairn.prover;

import io.cairn.air.DeepComposition;
import io.cairn.fri.EvaluationDomain;
import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import java.util.List;

/**
 * Evaluates the DEEP composition polynomial over the whole LDE domain ({@link
 * DeepComposition#evaluateOverDomain}, the vector form of what the verifier evaluates at the
 * queried points) and returns the values in bit-reversed order, ready to be FRI layer 0.
 */
final class DeepEvaluator {

  private DeepEvaluator() {}

  static Felt[] evaluate(
      DeepComposition deep,
      EvaluationDomain domain,
      List<FeltVector> traceLde,
      List<FeltVector> compositionLde,
      Felt z,
      Felt nextZ) {
    FeltVector xs = DomainVectors.points(domain, 1);
    FeltVector values =
        deep.evaluateOverDomain(
            traceLde,
            compositionLde,
            DomainVectors.inverseDifferences(xs, z),
            DomainVectors.inverseDifferences(xs, nextZ));
    values.bitReversePermute();
    return values.toArray();
  }
}
