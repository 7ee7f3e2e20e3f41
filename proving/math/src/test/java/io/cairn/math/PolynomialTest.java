package io.cairn.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Polynomial algebra checked by evaluation against BigInteger arithmetic. */
class PolynomialTest {
  private final Random rnd = new Random(30);

  private Polynomial random(int n) {
    return Polynomial.of(Naive.randomFelts(rnd, n));
  }

  @Test
  void trimsAndReportsDegree() {
    assertEquals(-1, Polynomial.ZERO.degree());
    assertEquals(-1, Polynomial.of(Felt.ZERO, Felt.ZERO).degree());
    assertEquals(Polynomial.ZERO, Polynomial.of(Felt.ZERO));
    assertEquals(1, Polynomial.of(Felt.ONE, Felt.TWO, Felt.ZERO).degree());
    assertEquals(3, Polynomial.monomial(Felt.TWO, 3).degree());
    assertEquals(Felt.ZERO, Polynomial.of(Felt.ONE).coefficient(5));
  }

  @Test
  void evaluateMatchesNaive() {
    for (int n : new int[] {0, 1, 2, 7, 20}) {
      Polynomial p = random(n);
      for (Felt x : new Felt[] {Felt.ZERO, Felt.ONE, Felt.of(-1), Felt.of(123456)}) {
        assertEquals(Naive.evaluate(p.coefficients(), x), p.evaluate(x));
      }
    }
  }

  @Test
  void algebraAgreesPointwise() {
    Felt[] points = Naive.randomFelts(rnd, 5);
    for (int[] sizes : new int[][] {{0, 3}, {1, 1}, {5, 9}, {40, 33}, {100, 70}}) {
      Polynomial a = random(sizes[0]);
      Polynomial b = random(sizes[1]);
      Felt c = Felt.of(-3);
      Polynomial prod = a.mul(b);
      if (!a.isZero()) {
        assertEquals(a.degree() + b.degree(), prod.degree());
      }
      assertEquals(a.mulSchoolbook(b), prod);
      for (Felt x : points) {
        Felt ax = a.evaluate(x);
        Felt bx = b.evaluate(x);
        assertEquals(ax.add(bx), a.add(b).evaluate(x));
        assertEquals(ax.sub(bx), a.sub(b).evaluate(x));
        assertEquals(ax.mul(bx), prod.evaluate(x));
        assertEquals(ax.mul(c), a.scale(c).evaluate(x));
      }
    }
    Polynomial a = random(4);
    assertEquals(Polynomial.ZERO, a.sub(a));
    assertEquals(Polynomial.ZERO, a.scale(Felt.ZERO));
  }

  @Test
  void divisionByVanishingPolynomial() {
    Felt c = Felt.of(9);
    int n = 4;
    Polynomial vanishing = Polynomial.monomial(Felt.ONE, n).sub(Polynomial.of(c));
    Polynomial q = random(7);
    assertEquals(q, q.mul(vanishing).divideByVanishing(n, c));
    Polynomial r = random(3);
    Polynomial.QuotientRemainder qr = q.mul(vanishing).add(r).divRemByVanishing(n, c);
    assertEquals(q, qr.quotient());
    assertEquals(r, qr.remainder());
    assertThrows(ArithmeticException.class, () -> q.mul(vanishing).add(r).divideByVanishing(n, c));
    Polynomial small = random(3);
    assertEquals(Polynomial.ZERO, small.divRemByVanishing(n, c).quotient());
    assertEquals(small, small.divRemByVanishing(n, c).remainder());
    assertThrows(IllegalArgumentException.class, () -> small.divRemByVanishing(0, c));
    // the trace-domain case: x^n - 1 vanishes on the subgroup of order n
    Felt[] xs = new Felt[n];
    for (int i = 0; i < n; i++) {
      xs[i] = Felt.rootOfUnity(2).pow(i);
      assertTrue(vanishing.sub(Polynomial.of(Felt.ONE.sub(c))).evaluate(xs[i]).isZero());
    }
  }

  @Test
  void interpolationPassesThroughThePoints() {
    for (int n : new int[] {0, 1, 2, 9}) {
      Felt[] xs = Naive.randomFelts(rnd, n);
      Felt[] ys = Naive.randomFelts(rnd, n);
      Polynomial p = Polynomial.interpolate(xs, ys);
      assertTrue(p.degree() < Math.max(n, 1));
      for (int i = 0; i < n; i++) {
        assertEquals(ys[i], p.evaluate(xs[i]));
      }
    }
    Polynomial known = random(6);
    Felt[] xs = {Felt.ZERO, Felt.ONE, Felt.of(-1), Felt.TWO, Felt.of(5), Felt.of(-9)};
    Felt[] ys = new Felt[xs.length];
    for (int i = 0; i < xs.length; i++) {
      ys[i] = known.evaluate(xs[i]);
    }
    assertEquals(known, Polynomial.interpolate(xs, ys));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Polynomial.interpolate(
                new Felt[] {Felt.ONE, Felt.ONE}, new Felt[] {Felt.ONE, Felt.TWO}));
    assertThrows(
        IllegalArgumentException.class,
        () -> Polynomial.interpolate(new Felt[] {Felt.ONE}, new Felt[0]));
  }

  @Test
  void vectorRoundTrip() {
    Polynomial p = random(5);
    assertEquals(p, Polynomial.fromCoefficients(p.toVector(8)));
    assertThrows(IllegalArgumentException.class, () -> p.toVector(4));
  }
}
