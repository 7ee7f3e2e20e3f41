package io.cairn.apps.examples;

import java.math.BigInteger;
import java.util.List;

/** Checks on the {@code (a, b)} range inputs both examples take. */
final class Inputs {
  private Inputs() {}

  /** Requires {@code input = (a, b)} with {@code min <= a <= b < 2^63}. */
  static void requireRange(List<BigInteger> input, long min) {
    if (input.size() != 2) {
      throw new IllegalArgumentException("the input is (a, b), not " + input.size() + " felts");
    }
    BigInteger a = input.get(0);
    BigInteger b = input.get(1);
    if (a.compareTo(BigInteger.valueOf(min)) < 0 || a.compareTo(b) > 0 || b.bitLength() > 62) {
      throw new IllegalArgumentException(
          "the input (a, b) needs " + min + " <= a <= b < 2^62, not (" + a + ", " + b + ")");
    }
  }
}
