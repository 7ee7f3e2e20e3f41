package io.cairn.apps.examples;

import java.math.BigInteger;

/** Field elements of Stark252 as the examples read and write them (signed when above P/2). */
final class Felts {
  /** The Stark252 prime, 2^251 + 17 * 2^192 + 1. */
  static final BigInteger P =
      BigInteger.ONE.shiftLeft(251).add(BigInteger.valueOf(17).shiftLeft(192)).add(BigInteger.ONE);

  private Felts() {}

  /** {@code value} mod P (so -1 is P - 1). */
  static BigInteger of(long value) {
    return BigInteger.valueOf(value).mod(P);
  }

  /** The felt as a signed long: values above P/2 are negative, as cairo-run prints them. */
  static long toSignedLong(BigInteger felt) {
    BigInteger v = felt.compareTo(P.shiftRight(1)) > 0 ? felt.subtract(P) : felt;
    return v.longValueExact();
  }
}
