package io.cairn.math;

/**
 * Multiplicative inversion in the Stark252 field: single inverses by Fermat's little theorem,
 * x^(p−2) through a fixed addition chain, and batches by Montgomery's trick (one inversion plus
 * three multiplications per element).
 */
final class Inversion {
  private Inversion() {}

  /**
   * Returns x^-1 = x^(p−2) for a non-zero x. As p − 2 = 2^251 + 2^196 + (2^192 − 1), the chain
   * builds x^(2^16−1), then x^(2^55+1), shifts in four zero bits and appends twelve windows of
   * sixteen one bits: 266 squarings and 17 multiplications, against about 445 operations for plain
   * square-and-multiply.
   */
  static Felt inverse(Felt x) {
    long[] x1 = {x.l0, x.l1, x.l2, x.l3};
    long[] w = x1.clone(); // x^(2^k - 1) for k = 1, 2, 4, 8, 16
    for (int k = 1; k < 16; k <<= 1) {
      long[] prev = w.clone();
      squareTimes(w, k);
      mulInto(w, prev);
    }
    long[] r = x1.clone();
    squareTimes(r, 55);
    mulInto(r, x1); // x^(2^55 + 1)
    squareTimes(r, 4);
    for (int i = 0; i < 12; i++) {
      squareTimes(r, 16);
      mulInto(r, w);
    }
    return Felt.fromMontgomery(r, 0);
  }

  private static void squareTimes(long[] r, int times) {
    for (int i = 0; i < times; i++) {
      Montgomery.mul(r[0], r[1], r[2], r[3], r[0], r[1], r[2], r[3], r, 0);
    }
  }

  private static void mulInto(long[] r, long[] b) {
    Montgomery.mul(r[0], r[1], r[2], r[3], b[0], b[1], b[2], b[3], r, 0);
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
