package io.cairn.air;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cairn.air.examples.FibonacciAir;
import io.cairn.air.examples.PermutationAir;
import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleAirsTest {

  private static final Felt[] NO_CHALLENGES = {};

  @Test
  void honestFibonacciTracePasses() {
    List<FeltVector> trace = FibonacciAir.buildTrace(64);
    FibonacciAir air = new FibonacciAir(64, FibonacciAir.resultOf(trace));
    assertDoesNotThrow(() -> TraceChecker.check(air, trace, NO_CHALLENGES));
  }

  @Test
  void corruptedFibonacciCellIsCaughtAtItsRow() {
    List<FeltVector> trace = FibonacciAir.buildTrace(64);
    FibonacciAir air = new FibonacciAir(64, FibonacciAir.resultOf(trace));
    trace.get(0).set(10, trace.get(0).get(10).add(Felt.ONE));
    ConstraintViolationException e =
        assertThrows(
            ConstraintViolationException.class,
            () -> TraceChecker.check(air, trace, NO_CHALLENGES));
    assertEquals(9, e.row());
  }

  @Test
  void wrongFibonacciResultBreaksTheAssertion() {
    List<FeltVector> trace = FibonacciAir.buildTrace(64);
    FibonacciAir air = new FibonacciAir(64, Felt.of(42));
    ConstraintViolationException e =
        assertThrows(
            ConstraintViolationException.class,
            () -> TraceChecker.check(air, trace, NO_CHALLENGES));
    assertEquals(63, e.row());
  }

  @Test
  void honestPermutationTracePassesWithItsAuxColumn() {
    Felt start = Felt.of(1000);
    List<FeltVector> trace = PermutationAir.buildTrace(32, start, 5);
    PermutationAir air = new PermutationAir(32, start);
    assertDoesNotThrow(() -> TraceChecker.check(air, trace, new Felt[] {Felt.of(987654321)}));
  }

  @Test
  void nonPermutationBreaksTheGrandProduct() {
    Felt start = Felt.of(1000);
    List<FeltVector> trace = PermutationAir.buildTrace(32, start, 5);
    Felt duplicate = trace.get(1).get(3);
    trace.get(1).set(4, duplicate);
    trace.get(2).set(4, duplicate.square().mul(duplicate));
    PermutationAir air = new PermutationAir(32, start);
    ConstraintViolationException e =
        assertThrows(
            ConstraintViolationException.class,
            () -> TraceChecker.check(air, trace, new Felt[] {Felt.of(987654321)}));
    assertEquals(31, e.row());
  }

  @Test
  void securityEstimateFollowsTheFormulaAndItsCaps() {
    assertEquals(128, ProofOptions.DEFAULT_128.conjecturedSecurityBits(16));
    assertEquals(101, ProofOptions.PRESET_100.conjecturedSecurityBits(20));
    assertEquals(2 + 2 * 4 - 1, new ProofOptions(4, 4, 2).conjecturedSecurityBits(6));
    assertEquals(128, new ProofOptions(16, 80, 20).conjecturedSecurityBits(20));
    assertThrows(IllegalArgumentException.class, () -> new ProofOptions(3, 10, 0));
  }
}
