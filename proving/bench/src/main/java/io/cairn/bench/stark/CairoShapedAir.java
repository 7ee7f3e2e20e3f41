package io.cairn.bench.stark;

import io.cairn.air.Air;
import io.cairn.air.Assertion;
import io.cairn.air.EvaluationFrame;
import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic AIR with the Cairo AIR's shape, to measure the prover before the real one exists: 36
 * main and 23 aux columns, 3 challenges, 64 degree-2 transition constraints, assertions at row 0,
 * at row {@code steps − 1} and at the last row. The statement itself is meaningless.
 *
 * <p>Main: {@code m_c' = m_c·m_(c+1 mod 36) + 1}. Aux (running products): {@code a_k' = a_k·(χ0 +
 * m_k + χ1·m_(k+1))}. Five more constraints repeat main ones scaled by χ2.
 */
final class CairoShapedAir implements Air {

  static final int MAIN = 36;
  static final int AUX = 23;

  private final int traceLength;
  private final List<Assertion> mainAssertions;
  private final List<FeltVector> mainTrace;

  CairoShapedAir(int traceLength) {
    this.traceLength = traceLength;
    this.mainTrace = buildTrace(traceLength);
    int steps = traceLength - 3;
    this.mainAssertions =
        List.of(
            Assertion.main(0, 0, mainTrace.get(0).get(0)),
            Assertion.main(1, 0, mainTrace.get(1).get(0)),
            Assertion.main(17, steps - 1, mainTrace.get(17).get(steps - 1)),
            Assertion.main(18, steps - 1, mainTrace.get(18).get(steps - 1)),
            Assertion.main(19, traceLength - 1, mainTrace.get(19).get(traceLength - 1)));
  }

  List<FeltVector> mainTrace() {
    return mainTrace;
  }

  @Override
  public String name() {
    return "cairn.bench.cairo-shaped";
  }

  @Override
  public int traceLength() {
    return traceLength;
  }

  @Override
  public int mainWidth() {
    return MAIN;
  }

  @Override
  public int auxWidth() {
    return AUX;
  }

  @Override
  public int numAuxChallenges() {
    return 3;
  }

  @Override
  public List<Integer> transitionDegrees() {
    return java.util.Collections.nCopies(MAIN + AUX + 5, 2);
  }

  @Override
  public void evaluateTransition(EvaluationFrame frame, Felt[] challenges, Felt[] out) {
    for (int c = 0; c < MAIN; c++) {
      out[c] = frame.next(c).sub(frame.current(c).mul(frame.current((c + 1) % MAIN))).sub(Felt.ONE);
    }
    for (int k = 0; k < AUX; k++) {
      Felt factor =
          challenges[0].add(frame.current(k)).add(challenges[1].mul(frame.current(k + 1)));
      out[MAIN + k] = frame.auxNext(k).sub(frame.auxCurrent(k).mul(factor));
    }
    for (int c = 0; c < 5; c++) {
      out[MAIN + AUX + c] = out[c].mul(challenges[2]);
    }
  }

  @Override
  public List<Assertion> assertions(Felt[] challenges) {
    List<Assertion> all = new ArrayList<>(mainAssertions);
    for (int k = 0; k < 3; k++) {
      all.add(Assertion.aux(k, 0, Felt.ONE));
    }
    return all;
  }

  @Override
  public byte[] publicInputs() {
    return new byte[] {1};
  }

  @Override
  public List<FeltVector> buildAuxTrace(List<FeltVector> main, Felt[] challenges) {
    List<FeltVector> aux = new ArrayList<>();
    for (int k = 0; k < AUX; k++) {
      FeltVector column = new FeltVector(traceLength);
      Felt product = Felt.ONE;
      for (int i = 0; i < traceLength; i++) {
        column.set(i, product);
        Felt factor =
            challenges[0].add(main.get(k).get(i)).add(challenges[1].mul(main.get(k + 1).get(i)));
        product = product.mul(factor);
      }
      aux.add(column);
    }
    return aux;
  }

  private static List<FeltVector> buildTrace(int n) {
    List<FeltVector> columns = new ArrayList<>();
    Felt[] row = new Felt[MAIN];
    for (int c = 0; c < MAIN; c++) {
      columns.add(new FeltVector(n));
      row[c] = Felt.of(c + 2);
    }
    for (int i = 0; i < n; i++) {
      Felt[] next = new Felt[MAIN];
      for (int c = 0; c < MAIN; c++) {
        columns.get(c).set(i, row[c]);
        next[c] = row[c].mul(row[(c + 1) % MAIN]).add(Felt.ONE);
      }
      row = next;
    }
    return columns;
  }
}
