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
 * Evaluates the composition polynomial H over (a sub-coset of) the LDE domain, in parallel chunks,
 * through {@link ConstraintComposition} — the same code the verifier runs at the out-of-domain
 * point.
 *
 * <p>On the LDE coset {@code x_i = offset·ω^i} the next row {@code g·x_i} is {@code x_(i+blowup)},
 * and {@code x^n − 1} takes only {@code blowup} distinct values, so the transition divisor needs
 * {@code blowup} inversions; each boundary row needs one batch inversion. Since H has degree below
 * {@code P·n}, it suffices to evaluate it on the points {@code x_i} with {@code i} a multiple of a
 * stride (a coset of size {@code N/stride ≥ P·n}) and interpolate.
 */
final class ConstraintEvaluator {

  private static final int CHUNK = 1 << 10;

  private final ConstraintComposition composition;
  private final List<FeltVector> traceLde;
  private final int mainWidth;
  private final int auxWidth;
  private final EvaluationDomain domain;
  private final int blowup;
  private final Felt[] periodicInverse;
  private final Felt lastRow;
  private final Felt[] boundaryPoints;

  ConstraintEvaluator(
      ConstraintComposition composition,
      StarkLayout layout,
      List<FeltVector> traceLde,
      int mainWidth,
      int auxWidth) {
    this.composition = composition;
    this.traceLde = traceLde;
    this.mainWidth = mainWidth;
    this.auxWidth = auxWidth;
    this.domain = layout.ldeDomain();
    int n = layout.traceLength();
    this.blowup = domain.size() / n;
    Felt[] periodic = new Felt[blowup];
    Felt offsetPowerN = domain.offset().pow(n);
    Felt blowupRoot = domain.generator().pow(n);
    for (int k = 0; k < blowup; k++) {
      periodic[k] = offsetPowerN.mul(blowupRoot.pow(k)).sub(Felt.ONE);
    }
    this.periodicInverse = Felt.batchInverse(periodic);
    Felt g = layout.traceGenerator();
    this.lastRow = g.pow(n - 1);
    int[] rows = composition.boundaryRows();
    this.boundaryPoints = new Felt[rows.length];
    for (int r = 0; r < rows.length; r++) {
      boundaryPoints[r] = g.pow(rows[r]);
    }
  }

  /** H at the LDE points {@code x_(k·stride)}, k below {@code N/stride}; stride divides blowup. */
  FeltVector evaluateOnSubdomain(int stride) {
    int size = domain.size() / stride;
    FeltVector xs = DomainVectors.points(domain, stride);
    FeltVector[] boundaryInverses = new FeltVector[boundaryPoints.length];
    IntStream.range(0, boundaryPoints.length)
        .parallel()
        .forEach(
            r -> boundaryInverses[r] = DomainVectors.inverseDifferences(xs, boundaryPoints[r]));
    FeltVector result = new FeltVector(size);
    IntStream.range(0, (size + CHUNK - 1) / CHUNK)
        .parallel()
        .forEach(
            chunk -> {
              EvaluationFrame frame = new EvaluationFrame(mainWidth, auxWidth);
              Felt[] scratch = composition.newScratch();
              Felt[] boundary = new Felt[boundaryPoints.length];
              int end = Math.min(size, (chunk + 1) * CHUNK);
              for (int k = chunk * CHUNK; k < end; k++) {
                for (int r = 0; r < boundary.length; r++) {
                  boundary[r] = boundaryInverses[r].get(k);
                }
                result.set(k, evaluate(frame, k * stride, xs.get(k), boundary, scratch));
              }
            });
    return result;
  }

  /** H at the single LDE point {@code x_index} (for spot checks). */
  Felt evaluateAt(int index) {
    Felt x = domain.offset().mul(domain.generator().pow(index));
    Felt[] boundary = new Felt[boundaryPoints.length];
    for (int r = 0; r < boundary.length; r++) {
      boundary[r] = x.sub(boundaryPoints[r]).inverse();
    }
    EvaluationFrame frame = new EvaluationFrame(mainWidth, auxWidth);
    return evaluate(frame, index, x, boundary, composition.newScratch());
  }

  private Felt evaluate(
      EvaluationFrame frame, int index, Felt x, Felt[] boundaryInverses, Felt[] scratch) {
    int size = domain.size();
    int next = (index + blowup) & (size - 1);
    Felt[] current = frame.currentRow();
    Felt[] nextRow = frame.nextRow();
    for (int c = 0; c < current.length; c++) {
      FeltVector column = traceLde.get(c);
      current[c] = column.get(index);
      nextRow[c] = column.get(next);
    }
    Felt divisor = x.sub(lastRow).mul(periodicInverse[index & (blowup - 1)]);
    return composition.evaluate(frame, divisor, boundaryInverses, scratch);
  }
}
