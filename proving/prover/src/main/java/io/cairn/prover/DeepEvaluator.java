package io.cairn.prover;

import io.cairn.air.DeepComposition;
import io.cairn.fri.EvaluationDomain;
import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Evaluates the DEEP composition polynomial at every LDE point through {@link DeepComposition} (the
 * code the verifier runs at the queried points) and returns the values in bit-reversed order, ready
 * to be FRI layer 0.
 */
final class DeepEvaluator {

  private static final int CHUNK = 1 << 10;

  private DeepEvaluator() {}

  static Felt[] evaluate(
      DeepComposition deep,
      EvaluationDomain domain,
      List<FeltVector> traceLde,
      List<FeltVector> compositionLde,
      Felt z,
      Felt nextZ) {
    int size = domain.size();
    int bits = domain.logSize();
    FeltVector xs = FeltVector.powers(domain.generator(), size);
    xs.mulBy(domain.offset());
    FeltVector[] inverses = new FeltVector[2];
    Felt[] points = {z, nextZ};
    IntStream.range(0, 2)
        .parallel()
        .forEach(
            k -> {
              FeltVector v = new FeltVector(size);
              for (int i = 0; i < size; i++) {
                v.set(i, xs.get(i).sub(points[k]));
              }
              v.invertInPlace();
              inverses[k] = v;
            });
    Felt[] result = new Felt[size];
    int width = traceLde.size();
    int parts = compositionLde.size();
    IntStream.range(0, (size + CHUNK - 1) / CHUNK)
        .parallel()
        .forEach(
            chunk -> {
              Felt[] traceRow = new Felt[width];
              Felt[] compositionRow = new Felt[parts];
              int end = Math.min(size, (chunk + 1) * CHUNK);
              for (int i = chunk * CHUNK; i < end; i++) {
                for (int c = 0; c < width; c++) {
                  traceRow[c] = traceLde.get(c).get(i);
                }
                for (int c = 0; c < parts; c++) {
                  compositionRow[c] = compositionLde.get(c).get(i);
                }
                result[EvaluationDomain.bitReverse(i, bits)] =
                    deep.evaluate(traceRow, compositionRow, inverses[0].get(i), inverses[1].get(i));
              }
            });
    return result;
  }
}
