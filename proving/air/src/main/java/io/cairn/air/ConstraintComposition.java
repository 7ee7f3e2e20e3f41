package io.cairn.air;

import io.cairn.crypto.Transcript;
import io.cairn.math.Felt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The composition polynomial's value at one point, written once for the prover (every LDE point)
 * and the verifier (the out-of-domain point):
 *
 * <pre>
 *   H(x) = Σ_k α_k·C_k(x) · (x − g^(n−1)) / (x^n − 1)  +  Σ_j β_j·(t_j(x) − v_j) / (x − g^(r_j))
 * </pre>
 *
 * where {@code C_k} are the transition constraints (zero on every row but the last) and {@code
 * (t_j, r_j, v_j)} the assertions. Callers supply the divisor inverses, batch-inverted in their own
 * way; the assertions are grouped by row so each distinct row needs one inverse.
 */
public final class ConstraintComposition {

  private final Air air;
  private final Felt[] challenges;
  private final Felt[] transitionCoefficients;
  private final List<Assertion> assertions;
  private final Felt[] assertionCoefficients;
  private final int[] assertionGroup;
  private final int[] groupRows;
  private final int mainWidth;

  private ConstraintComposition(
      Air air, Felt[] challenges, Felt[] transitionCoefficients, Felt[] assertionCoefficients) {
    this.air = air;
    this.challenges = challenges;
    this.transitionCoefficients = transitionCoefficients;
    this.mainWidth = air.mainWidth();
    List<Assertion> sorted = new ArrayList<>(air.assertions(challenges));
    for (Assertion a : sorted) {
      int width = a.aux() ? air.auxWidth() : air.mainWidth();
      if (a.column() < 0 || a.column() >= width || a.row() < 0 || a.row() >= air.traceLength()) {
        throw new IllegalArgumentException("assertion outside the trace: " + a);
      }
    }
    sorted.sort(Comparator.comparingInt(Assertion::row));
    this.assertions = sorted;
    this.assertionCoefficients = assertionCoefficients;
    this.assertionGroup = new int[sorted.size()];
    List<Integer> rows = new ArrayList<>();
    for (int j = 0; j < sorted.size(); j++) {
      int row = sorted.get(j).row();
      if (rows.isEmpty() || rows.get(rows.size() - 1) != row) {
        rows.add(row);
      }
      assertionGroup[j] = rows.size() - 1;
    }
    this.groupRows = rows.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Draws the composition coefficients (round "composition"): one per transition constraint, then
   * one per assertion in row order.
   */
  public static ConstraintComposition draw(Air air, Felt[] challenges, Transcript transcript) {
    Felt[] alphas = transcript.sampleFelts(air.transitionDegrees().size());
    Felt[] betas = transcript.sampleFelts(air.assertions(challenges).size());
    return new ConstraintComposition(air, challenges, alphas, betas);
  }

  /** The distinct rows that carry assertions, increasing; one divisor inverse is needed per row. */
  public int[] boundaryRows() {
    return groupRows.clone();
  }

  /** A scratch array for {@link #evaluate}, one per thread. */
  public Felt[] newScratch() {
    return new Felt[transitionCoefficients.length];
  }

  /**
   * H at a point x whose frame is {@code frame}.
   *
   * @param transitionDivisorInverse {@code (x − g^(n−1)) / (x^n − 1)}
   * @param boundaryDivisorInverses {@code 1/(x − g^r)} for each of {@link #boundaryRows}
   * @param scratch from {@link #newScratch}
   */
  public Felt evaluate(
      EvaluationFrame frame,
      Felt transitionDivisorInverse,
      Felt[] boundaryDivisorInverses,
      Felt[] scratch) {
    air.evaluateTransition(frame, challenges, scratch);
    Felt transitions = Felt.ZERO;
    for (int k = 0; k < scratch.length; k++) {
      transitions = transitions.add(scratch[k].mul(transitionCoefficients[k]));
    }
    Felt result = transitions.mul(transitionDivisorInverse);
    Felt[] row = frame.currentRow();
    Felt groupSum = Felt.ZERO;
    for (int j = 0; j < assertions.size(); j++) {
      Assertion a = assertions.get(j);
      groupSum =
          groupSum.add(row[a.rowIndex(mainWidth)].sub(a.value()).mul(assertionCoefficients[j]));
      if (j + 1 == assertions.size() || assertionGroup[j + 1] != assertionGroup[j]) {
        result = result.add(groupSum.mul(boundaryDivisorInverses[assertionGroup[j]]));
        groupSum = Felt.ZERO;
      }
    }
    return result;
  }
}
