package io.cairn.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bulk kernels of {@link FeltVector} checked element by element against {@link Felt}. */
class FeltVectorTest {
  @Test
  void storesAndReturnsElements() {
    Felt[] xs = Naive.randomFelts(new Random(10), 9);
    xs[0] = Felt.ZERO;
    xs[1] = Felt.of(-1);
    FeltVector v = FeltVector.fromArray(xs);
    assertEquals(9, v.length());
    assertArrayEquals(xs, v.toArray());
    assertEquals(v, FeltVector.of(xs));
    FeltVector c = v.copy();
    c.set(3, Felt.ONE);
    assertEquals(xs[3], v.get(3));
    assertEquals(Felt.ONE, c.get(3));
    assertEquals(36, v.limbs().length);
    assertThrows(IndexOutOfBoundsException.class, () -> v.get(9));
    assertThrows(IndexOutOfBoundsException.class, () -> v.set(-1, Felt.ONE));
    assertThrows(IllegalArgumentException.class, () -> new FeltVector(-1));
    assertEquals(Felt.ZERO, new FeltVector(3).get(2));
    FeltVector padded = v.copyWithLength(12);
    assertEquals(xs[8], padded.get(8));
    assertEquals(Felt.ZERO, padded.get(11));
    assertEquals(xs[4], v.copyOfRange(4, 6).get(0));
    assertEquals(FeltVector.wrapLimbs(v.limbs().clone()), v);
    assertThrows(IllegalArgumentException.class, () -> FeltVector.wrapLimbs(new long[5]));
  }

  @Test
  void pointwiseKernelsMatchFelt() {
    Random rnd = new Random(11);
    int n = 33;
    Felt[] a = Naive.randomFelts(rnd, n);
    Felt[] b = Naive.randomFelts(rnd, n);
    a[0] = Felt.ZERO;
    b[1] = Felt.ZERO;
    a[2] = Felt.of(-1);
    b[2] = Felt.of(-1);
    Felt c = Felt.of(-7);

    FeltVector v = FeltVector.of(a);
    v.addInPlace(FeltVector.of(b));
    FeltVector s = FeltVector.of(a);
    s.subInPlace(FeltVector.of(b));
    FeltVector m = FeltVector.of(a);
    m.mulInPlace(FeltVector.of(b));
    FeltVector k = FeltVector.of(a);
    k.mulBy(c);
    FeltVector axpy = FeltVector.of(a);
    axpy.addScaled(c, FeltVector.of(b));
    FeltVector pw = FeltVector.of(a);
    pw.mulByPowers(c);
    Felt cPow = Felt.ONE;
    for (int i = 0; i < n; i++) {
      assertEquals(a[i].add(b[i]), v.get(i));
      assertEquals(a[i].sub(b[i]), s.get(i));
      assertEquals(a[i].mul(b[i]), m.get(i));
      assertEquals(a[i].mul(c), k.get(i));
      assertEquals(a[i].add(b[i].mul(c)), axpy.get(i));
      assertEquals(a[i].mul(cPow), pw.get(i));
      cPow = cPow.mul(c);
    }
    FeltVector partial = FeltVector.of(a);
    partial.mulByPowers(Felt.TWO, c, 5);
    for (int i = 0; i < n; i++) {
      assertEquals(i < 5 ? a[i].mul(Felt.TWO).mul(c.pow(i)) : a[i], partial.get(i));
    }
    assertThrows(IllegalArgumentException.class, () -> v.addInPlace(new FeltVector(2)));
  }

  @Test
  void evaluateAsPolynomialMatchesNaive() {
    Felt[] c = Naive.randomFelts(new Random(13), 17);
    for (Felt x : new Felt[] {Felt.ZERO, Felt.ONE, Felt.of(-1), Felt.of(99)}) {
      assertEquals(Naive.evaluate(c, x), FeltVector.of(c).evaluateAsPolynomial(x));
    }
    assertEquals(Felt.ZERO, new FeltVector(0).evaluateAsPolynomial(Felt.TWO));
  }

  @Test
  void powersAndFill() {
    Felt g = Felt.of(5);
    FeltVector p = FeltVector.powers(g, 6);
    for (int i = 0; i < 6; i++) {
      assertEquals(g.pow(i), p.get(i));
    }
    p.fill(Felt.TWO);
    assertEquals(Felt.TWO, p.get(5));
  }

  @Test
  void invertInPlaceMatchesInverse() {
    Felt[] a = Naive.randomFelts(new Random(12), 20);
    a[3] = Felt.ONE;
    a[4] = Felt.of(-1);
    FeltVector v = FeltVector.of(a);
    v.invertInPlace();
    for (int i = 0; i < a.length; i++) {
      assertEquals(a[i].inverse(), v.get(i));
    }
    a[7] = Felt.ZERO;
    FeltVector z = FeltVector.of(a);
    assertThrows(ArithmeticException.class, z::invertInPlace);
    assertEquals(FeltVector.of(a), z);
    new FeltVector(0).invertInPlace();
  }

  @Test
  void bitReversePermutation() {
    int n = 16;
    FeltVector v = new FeltVector(n);
    for (int i = 0; i < n; i++) {
      v.set(i, Felt.of(i));
    }
    v.bitReversePermute();
    for (int i = 0; i < n; i++) {
      int rev = Integer.reverse(i) >>> (32 - 4);
      assertEquals(Felt.of(rev), v.get(i));
    }
    assertThrows(IllegalArgumentException.class, () -> new FeltVector(6).bitReversePermute());
    FeltVector one = FeltVector.of(Felt.TWO);
    one.bitReversePermute();
    assertEquals(Felt.TWO, one.get(0));
  }
}
