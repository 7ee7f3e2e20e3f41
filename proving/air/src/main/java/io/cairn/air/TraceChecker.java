package io.cairn.air;

import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import java.util.List;

/**
 * Checks a trace against its AIR without proving: every transition constraint on every row but the
 * last, and every assertion. It calls the same {@link Air#evaluateTransition} as the prover and
 * verifier, so a test that passes here exercises the exact constraint code that is proven. Meant
 * for tests and debugging (its cost is linear in the trace).
 */
public final class TraceChecker {

  private TraceChecker() {}

  /**
   * Checks the main trace and, when the AIR has aux columns, the aux trace it builds for {@code
   * challenges}.
   *
   * @throws ConstraintViolationException naming the first failing constraint and row
   */
  public static void check(Air air, List<FeltVector> main, Felt[] challenges)
      throws ConstraintViolationException {
    int n = air.traceLength();
    if (main.size() != air.mainWidth() || main.stream().anyMatch(c -> c.length() != n)) {
      throw new IllegalArgumentException("main trace must have mainWidth columns of traceLength");
    }
    List<FeltVector> aux = air.buildAuxTrace(main, challenges);
    int width = air.mainWidth() + air.auxWidth();
    EvaluationFrame frame = new EvaluationFrame(air.mainWidth(), air.auxWidth());
    Felt[] result = new Felt[air.transitionDegrees().size()];
    for (int row = 0; row + 1 < n; row++) {
      for (int c = 0; c < width; c++) {
        FeltVector column = c < air.mainWidth() ? main.get(c) : aux.get(c - air.mainWidth());
        frame.currentRow()[c] = column.get(row);
        frame.nextRow()[c] = column.get(row + 1);
      }
      air.evaluateTransition(frame, challenges, result);
      for (int k = 0; k < result.length; k++) {
        if (!result[k].isZero()) {
          throw new ConstraintViolationException("transition constraint " + k, row);
        }
      }
    }
    for (Assertion a : air.assertions(challenges)) {
      FeltVector column = a.aux() ? aux.get(a.column()) : main.get(a.column());
      if (!column.get(a.row()).equals(a.value())) {
        throw new ConstraintViolationException("assertion " + a, a.row());
      }
    }
  }
}
