package io.cairn.apps.examples;

import java.math.BigInteger;
import java.util.List;

/**
 * The prime count computed in plain Java: the answer {@code prime_count.casm} must give for the
 * input {@code (a, b)}, which is {@code (a, b, the number of primes in [a, b))}.
 */
public final class PrimeCountReference {
  private PrimeCountReference() {}

  /** Whether {@code n} is prime, by trial division as the program does it. */
  public static boolean isPrime(long n) {
    if (n < 2) {
      return false;
    }
    for (long d = 2; d <= n / d; d++) {
      if (n % d == 0) {
        return false;
      }
    }
    return true;
  }

  /** The number of primes in {@code [a, b)}. */
  public static long count(long a, long b) {
    long count = 0;
    for (long n = a; n < b; n++) {
      if (isPrime(n)) {
        count++;
      }
    }
    return count;
  }

  /** The output the program writes for the input {@code (a, b)}. */
  public static List<BigInteger> output(List<BigInteger> input) {
    Inputs.requireRange(input, 0);
    long a = input.get(0).longValueExact();
    long b = input.get(1).longValueExact();
    return List.of(input.get(0), input.get(1), BigInteger.valueOf(count(a, b)));
  }
}
