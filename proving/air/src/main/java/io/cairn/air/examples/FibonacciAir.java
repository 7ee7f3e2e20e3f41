package io.cairn.air.examples;

import io.cairn.air.Air;
import io.cairn.air.Assertion;
import io.cairn.air.EvaluationFrame;
import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import java.util.List;

/**
 * Example AIR with a main trace only: "the Fibonacci sequence 1, 1, 2, 3, … reaches {@code result}
 * as its term number {@code 2·traceLength}". Columns (a, b) hold two consecutive terms and each row
 * advances by two: {@code a' = a + b} and {@code b' = b + a'}, both of degree 1.
 */
public final class FibonacciAir implements Air {

  private final int traceLength;
  private final Felt result;

  /** The statement for a trace of {@code traceLength} rows ending in {@code result}. */
  public FibonacciAir(int traceLength, Felt result) {
    this.traceLength = traceLength;
    this.result = result;
  }

  @Override
  public String name() {
    return "cairn.examples.fibonacci";
  }

  @Override
  public int traceLength() {
    return traceLength;
  }

  @Override
  public int mainWidth() {
    return 2;
  }

  @Override
  public List<Integer> transitionDegrees() {
    return List.of(1, 1);
  }

  @Override
  public void evaluateTransition(EvaluationFrame frame, Felt[] challenges, Felt[] out) {
    Felt a = frame.current(0);
    Felt b = frame.current(1);
    Felt nextA = frame.next(0);
    out[0] = nextA.sub(a.add(b));
    out[1] = frame.next(1).sub(b.add(nextA));
  }

  @Override
  public List<Assertion> assertions(Felt[] challenges) {
    return List.of(
        Assertion.main(0, 0, Felt.ONE),
        Assertion.main(1, 0, Felt.ONE),
        Assertion.main(1, traceLength - 1, result));
  }

  @Override
  public byte[] publicInputs() {
    return result.toBytesBE();
  }

  /** The honest trace of {@code traceLength} rows. */
  public static List<FeltVector> buildTrace(int traceLength) {
    FeltVector a = new FeltVector(traceLength);
    FeltVector b = new FeltVector(traceLength);
    Felt x = Felt.ONE;
    Felt y = Felt.ONE;
    for (int i = 0; i < traceLength; i++) {
      a.set(i, x);
      b.set(i, y);
      x = x.add(y);
      y = y.add(x);
    }
    return List.of(a, b);
  }

  /** The public result of a trace: its last b. */
  public static Felt resultOf(List<FeltVector> trace) {
    FeltVector b = trace.get(1);
    return b.get(b.length() - 1);
  }
}
