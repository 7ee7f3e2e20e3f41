package io.cairn.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Evaluation domains: their elements, order and vanishing polynomial. */
class EvaluationDomainTest {
  @Test
  void elementsAreDistinctAndMatchTheFftOrder() {
    EvaluationDomain d = new EvaluationDomain(4, Felt.GENERATOR);
    assertEquals(16, d.size());
    FeltVector xs = d.elements();
    Set<Felt> seen = new HashSet<>();
    for (int i = 0; i < d.size(); i++) {
      assertEquals(d.element(i), xs.get(i));
      assertTrue(seen.add(xs.get(i)));
      assertTrue(d.vanishingAt(xs.get(i)).isZero());
      assertTrue(d.vanishingPolynomial().evaluate(xs.get(i)).isZero());
    }
    assertEquals(d.element(0), d.element(16));
    assertFalse(d.vanishingAt(Felt.ONE).isZero());
    // the subgroup of order 16 is disjoint from its coset by 3, a non-residue
    EvaluationDomain h = EvaluationDomain.subgroup(4);
    assertTrue(h.vanishingAt(Felt.ONE).isZero());
    assertFalse(h.vanishingAt(d.element(3)).isZero());

    Felt[] coeffs = Naive.randomFelts(new Random(40), 10);
    FeltVector evals = Fft.evaluateOnCoset(FeltVector.of(coeffs), d.offset(), d.size());
    for (int i = 0; i < d.size(); i++) {
      assertEquals(Naive.evaluate(coeffs, d.element(i)), evals.get(i));
    }
  }

  @Test
  void rejectsBadParameters() {
    assertThrows(IllegalArgumentException.class, () -> new EvaluationDomain(-1, Felt.ONE));
    assertThrows(IllegalArgumentException.class, () -> new EvaluationDomain(31, Felt.ONE));
    assertThrows(IllegalArgumentException.class, () -> new EvaluationDomain(3, Felt.ZERO));
  }
}
