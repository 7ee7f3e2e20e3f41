package io.cairn.math;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Square roots in the Stark252 field by Tonelli–Shanks, with p − 1 = 2^192 · q, q = 2^59 + 17, and
 * the non-residue 3 (a generator) supplying the 2-power roots of unity.
 */
final class SquareRoot {
  private static final long Q = Montgomery.P3;
  private static final BigInteger HALF_P = Felt.MODULUS.shiftRight(1);

  private SquareRoot() {}

  static Optional<Felt> sqrt(Felt a) {
    if (a.isZero()) {
      return Optional.of(Felt.ZERO);
    }
    // invariants: r² = a·t, t has order 2^i for some i < m; the textbook's c is rootOfUnity(m)
    int m = Felt.TWO_ADICITY;
    Felt t = a.pow(Q);
    Felt r = a.pow((Q + 1) / 2);
    while (!t.isOne()) {
      // least i with t^(2^i) = 1; t has order 2^i
      int i = 0;
      Felt t2 = t;
      while (!t2.isOne()) {
        t2 = t2.square();
        i++;
        if (i == m) {
          return Optional.empty(); // t's order is 2^m: a is a non-residue
        }
      }
      // b = c^(2^(m-i-1)) is the root of order 2^(i+1); b² has order 2^i, so t·b² has a lower one
      Felt b = Felt.rootOfUnity(i + 1);
      m = i;
      t = t.mul(Felt.rootOfUnity(i));
      r = r.mul(b);
    }
    return Optional.of(r.toBigInteger().compareTo(HALF_P) > 0 ? r.neg() : r);
  }
}
