package io.cairn.prover;

import io.cairn.air.ConstraintComposition;
import io.cairn.air.EvaluationFrame;
import io.cairn.air.StarkLayout;
import io.cairn.fri.EvaluationDomain;
import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Evaluates the composition polynomial H over (a sub-coset of) the LDE domain, one coset of the
 * trace domain at a time and in parallel chunks, through {@link ConstraintComposition} — the same
 * code the verifier runs at the out-of-domain point.
 *
 * <p>The LDE domain is the union of the cosets {@code offset·ω^j·⟨g⟩}, j below blowup ({@link
 * CommittedTable}); on coset j the next row of the point {@code offset·ω^j·g^k} is the point k + 1
 * of the same coset, and {@code x^n − 1} is the constant {@code (offset·ω^j)^n − 1}, so the
 * transition divisor needs {@code blowup} inversions and each boundary row one batch inversion per
 * coset. Since H has degree below {@code P·n}, it suffices to evaluate it on the points {@code x_i}
 * with {@code i} a multiple of a stride dividing blowup (the cosets j that are multiples of the
 * stride, together a coset of size {@code N/stride ≥ P·n}) and interpolate.
 */
final class ConstraintEvaluator {

  private static final int CHUNK = 1 << 10;

  private final ConstraintComposition composition;
  private final int mainWidth;
  private final int auxWidth;
  private final EvaluationDomain domain;
  private final int traceLength;
  private final Felt traceGenerator;
  private final int blowup;
  private final Felt[] periodicInverse;
  private final Felt lastRow;
  private final Felt[] boundaryPoints;

  ConstraintEvaluator(
      ConstraintComposition composition, StarkLayout layout, int mainWidth, int auxWidth) {
    this.composition = composition;
    this.mainWidth = mainWidth;
    this.auxWidth = auxWidth;
    this.domain = layout.ldeDomain();
    int n = layout.traceLength();
    this.traceLength = n;
    this.blowup = domain.size() / n;
    Felt[] periodic = new Felt[blowup];
    Felt offsetPowerN = domain.offset().pow(n);
    Felt blowupRoot = domain.generator().pow(n);
    for (int k = 0; k < blowup; k++) {
      periodic[k] = offsetPowerN.mul(blowupRoot.pow(k)).sub(Felt.ONE);
    }
    this.periodicInverse = Felt.batchInverse(periodic);
    Felt g = layout.traceGenerator();
    this.traceGenerator = g;
    this.lastRow = g.pow(n - 1);
    int[] rows = composition.boundaryRows();
    this.boundaryPoints = new Felt[rows.length];
    for (int r = 0; r < rows.length; r++) {
      boundaryPoints[r] = g.pow(rows[r]);
    }
  }

  /**
   * H at the LDE points {@code x_(m·stride)}, m below {@code N/stride}; stride divides blowup.
   *
   * @param cosets the trace columns (main then aux) on coset j, natural order ({@link
   *     CommittedTable#coset}); called once per coset j that is a multiple of the stride, and its
   *     values are dropped before the next call
   */
  FeltVector evaluateOnSubdomain(int stride, IntFunction<List<FeltVector>> cosets) {
    int n = traceLength;
    FeltVector result = new FeltVector(domain.size() / stride);
    int cosetsInSubdomain = blowup / stride;
    for (int j = 0; j < blowup; j += stride) {
      List<FeltVector> columns = cosets.apply(j);
      FeltVector xs = FeltVector.powers(traceGenerator, n);
      xs.mulBy(domain.offset().mul(domain.generator().pow(j)));
      FeltVector[] boundaryInverses = new FeltVector[boundaryPoints.length];
      IntStream.range(0, boundaryPoints.length)
          .parallel()
          .forEach(
              r -> boundaryInverses[r] = DomainVectors.inverseDifferences(xs, boundaryPoints[r]));
      Felt periodic = periodicInverse[j];
      int first = j / stride;
      IntStream.range(0, (n + CHUNK - 1) / CHUNK)
          .parallel()
          .forEach(
              chunk -> {
                EvaluationFrame frame = new EvaluationFrame(mainWidth, auxWidth);
                Felt[] current = frame.currentRow();
                Felt[] next = frame.nextRow();
                Felt[] scratch = composition.newScratch();
                Felt[] boundary = new Felt[boundaryPoints.length];
                int end = Math.min(n, (chunk + 1) * CHUNK);
                for (int k = chunk * CHUNK; k < end; k++) {
                  int following = (k + 1) & (n - 1);
                  for (int c = 0; c < current.length; c++) {
                    FeltVector column = columns.get(c);
                    current[c] = column.get(k);
                    next[c] = column.get(following);
                  }
                  for (int r = 0; r < boundary.length; r++) {
                    boundary[r] = boundaryInverses[r].get(k);
                  }
                  Felt divisor = xs.get(k).sub(lastRow).mul(periodic);
                  result.set(
                      first + cosetsInSubdomain * k,
                      composition.evaluate(frame, divisor, boundary, scratch));
                }
              });
    }
    return result;
  }

  /**
   * H at the single point x of the LDE domain (for spot checks), from the trace row at x and at
   * {@code g·x} (main then aux).
   */
  Felt evaluateAt(Felt x, List<Felt> current, List<Felt> next) {
    Felt[] boundary = new Felt[boundaryPoints.length];
    for (int r = 0; r < boundary.length; r++) {
      boundary[r] = x.sub(boundaryPoints[r]).inverse();
    }
    EvaluationFrame frame = new EvaluationFrame(mainWidth, auxWidth);
    for (int c = 0; c < current.size(); c++) {
      frame.currentRow()[c] = current.get(c);
      frame.nextRow()[c] = next.get(c);
    }
    Felt divisor = x.sub(lastRow).mul(x.pow(traceLength).sub(Felt.ONE).inverse());
    return composition.evaluate(frame, divisor, boundary, composition.newScratch());
  }
}
