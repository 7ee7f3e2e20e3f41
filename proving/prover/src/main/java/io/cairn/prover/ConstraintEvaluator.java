package io.cairn.prover;

import io.cairn.air.ConstraintComposition;
import io.cairn.air.EvaluationFrame;
import io.cairn.air.StarkLayout;
import io.cairn.fri.EvaluationDomain;
import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Evaluates the composition polynomial H at every point of the LDE domain (natural order), in
 * parallel chunks, through {@link ConstraintComposition} — the same code the verifier runs at the
 * out-of-domain point.
 *
 * <p>On the LDE coset {@code x_i = offset·ω^i}, the next row {@code g·x_i} is {@code x_(i+blowup)},
 * and {@code x^n − 1} takes only {@code blowup} distinct values, so the transition divisor needs
 * {@code blowup} inversions; each boundary row needs one batch inversion over the domain.
 */
final class ConstraintEvaluator {

  private static final int CHUNK = 1 << 10;

  private ConstraintEvaluator() {}

  static FeltVector evaluate(
      ConstraintComposition composition,
      StarkLayout layout,
      List<FeltVector> traceLde,
      int mainWidth,
      int auxWidth) {
    EvaluationDomain domain = layout.ldeDomain();
    int size = domain.size();
    int n = layout.traceLength();
    int blowup = size / n;
    FeltVector xs = FeltVector.powers(domain.generator(), size);
    xs.mulBy(domain.offset());

    Felt[] periodicInverse = new Felt[blowup];
    Felt offsetPowerN = domain.offset().pow(n);
    Felt blowupRoot = domain.generator().pow(n);
    for (int k = 0; k < blowup; k++) {
      periodicInverse[k] = offsetPowerN.mul(blowupRoot.pow(k)).sub(Felt.ONE);
    }
    periodicInverse = Felt.batchInverse(periodicInverse);
    Felt lastRow = layout.traceGenerator().pow(n - 1);

    int[] rows = composition.boundaryRows();
    FeltVector[] boundaryInverses = new FeltVector[rows.length];
    IntStream.range(0, rows.length)
        .parallel()
        .forEach(
            r -> {
              Felt point = layout.traceGenerator().pow(rows[r]);
              FeltVector v = new FeltVector(size);
              for (int i = 0; i < size; i++) {
                v.set(i, xs.get(i).sub(point));
              }
              v.invertInPlace();
              boundaryInverses[r] = v;
            });

    FeltVector result = new FeltVector(size);
    int width = mainWidth + auxWidth;
    Felt[] transitionInverse = periodicInverse;
    IntStream.range(0, (size + CHUNK - 1) / CHUNK)
        .parallel()
        .forEach(
            chunk -> {
              EvaluationFrame frame = new EvaluationFrame(mainWidth, auxWidth);
              Felt[] current = frame.currentRow();
              Felt[] next = frame.nextRow();
              Felt[] scratch = composition.newScratch();
              Felt[] boundary = new Felt[rows.length];
              int end = Math.min(size, (chunk + 1) * CHUNK);
              for (int i = chunk * CHUNK; i < end; i++) {
                int j = (i + blowup) & (size - 1);
                for (int c = 0; c < width; c++) {
                  FeltVector column = traceLde.get(c);
                  current[c] = column.get(i);
                  next[c] = column.get(j);
                }
                for (int r = 0; r < rows.length; r++) {
                  boundary[r] = boundaryInverses[r].get(i);
                }
                Felt divisor = xs.get(i).sub(lastRow).mul(transitionInverse[i & (blowup - 1)]);
                result.set(i, composition.evaluate(frame, divisor, boundary, scratch));
              }
            });
    return result;
  }
}
