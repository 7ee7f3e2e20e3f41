package io.cairn.math;

/**
 * The table of primitive power-of-two roots of unity of the Stark252 field: entry k is
 * 3^((p−1)/2^k), of multiplicative order exactly 2^k, for 0 ≤ k ≤ 192.
 */
final class RootsOfUnity {
  private static final Felt[] ROOTS = build();

  private RootsOfUnity() {}

  private static Felt[] build() {
    Felt[] roots = new Felt[Felt.TWO_ADICITY + 1];
    // (p - 1) / 2^192 = 2^59 + 17, the odd part of p - 1
    roots[Felt.TWO_ADICITY] = Felt.GENERATOR.pow(Montgomery.P3);
    for (int k = Felt.TWO_ADICITY; k > 0; k--) {
      roots[k - 1] = roots[k].square();
    }
    return roots;
  }

  static Felt primitive(int logOrder) {
    if (logOrder < 0 || logOrder > Felt.TWO_ADICITY) {
      throw new IllegalArgumentException(
          "no root of unity of order 2^" + logOrder + " (two-adicity is " + Felt.TWO_ADICITY + ")");
    }
    return ROOTS[logOrder];
  }
}
