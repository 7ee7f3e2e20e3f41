package io.cairn.math;

import java.math.BigInteger;
import java.util.Random;

/**
 * Slow reference computations (O(n²) evaluation over BigInteger) that the fast code is checked
 * against.
 */
final class Naive {
  private static final BigInteger P = Felt.MODULUS;

  private Naive() {}

  static Felt[] randomFelts(Random rnd, int n) {
    Felt[] xs = new Felt[n];
    for (int i = 0; i < n; i++) {
      xs[i] = Felt.of(new BigInteger(256, rnd));
    }
    return xs;
  }

  /** Evaluates sum c_k·x^k with BigInteger arithmetic. */
  static Felt evaluate(Felt[] coeffs, Felt x) {
    BigInteger xv = x.toBigInteger();
    BigInteger acc = BigInteger.ZERO;
    BigInteger pow = BigInteger.ONE;
    for (Felt c : coeffs) {
      acc = acc.add(c.toBigInteger().multiply(pow)).mod(P);
      pow = pow.multiply(xv).mod(P);
    }
    return Felt.of(acc);
  }

  /** Evaluates the polynomial at offset·ω^i for i < domainSize, one point at a time. */
  static Felt[] evaluateOnCoset(Felt[] coeffs, Felt offset, int domainSize) {
    Felt w = Felt.rootOfUnity(Integer.numberOfTrailingZeros(domainSize));
    Felt[] out = new Felt[domainSize];
    Felt x = offset;
    for (int i = 0; i < domainSize; i++) {
      out[i] = evaluate(coeffs, x);
      x = x.mul(w);
    }
    return out;
  }
}
