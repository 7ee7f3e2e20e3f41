package io.cairn.math;

import java.math.BigInteger;

/**
 * Multiplicative inversion in the Stark252 field: single inverses by Fermat's little theorem
 * (x^(p−2)) and batches by Montgomery's trick (one inversion plus three multiplications per
 * element).
 */
final class Inversion {
  private static final BigInteger P_MINUS_2 = Felt.MODULUS.subtract(BigInteger.TWO);

  private Inversion() {}

  /** Returns x^-1 for a non-zero x. */
  static Felt inverse(Felt x) {
    return x.pow(P_MINUS_2);
  }

  /** Returns the inverses of all elements; throws if any is zero. */
  static Felt[] batchInverse(Felt[] xs) {
    int n = xs.length;
    Felt[] out = new Felt[n];
    if (n == 0) {
      return out;
    }
    // out[i] = x0 · x1 · ... · x(i-1) (prefix products, exclusive)
    Felt acc = Felt.ONE;
    for (int i = 0; i < n; i++) {
      if (xs[i].isZero()) {
        throw new ArithmeticException("zero has no inverse (element " + i + " of the batch)");
      }
      out[i] = acc;
      acc = acc.mul(xs[i]);
    }
    Felt inv = acc.inverse();
    for (int i = n - 1; i >= 0; i--) {
      out[i] = out[i].mul(inv);
      inv = inv.mul(xs[i]);
    }
    return out;
  }
}
