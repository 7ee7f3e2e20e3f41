package io.cairn.apps.examples;

import java.math.BigInteger;
import java.util.List;

/**
 * The Collatz search computed in plain Java: the answer {@code collatz.casm} must give, and the
 * fold the aggregating plugin applies to its results.
 *
 * <p>For the input {@code (a, b)} the program writes {@code (best_start, best_length)}: the start
 * in {@code [a, b)} with the most Collatz steps down to 1 (the smallest such start on ties) and
 * that number of steps. An empty range gives {@code (0, -1)}, as the program's initial best.
 */
public final class CollatzReference {
  private CollatzReference() {}

  /** The number of Collatz steps from {@code n >= 1} down to 1. */
  public static long chainLength(long n) {
    if (n < 1) {
      throw new IllegalArgumentException("the Collatz chain starts at n >= 1, not " + n);
    }
    long steps = 0;
    while (n != 1) {
      n = (n & 1) == 0 ? n >>> 1 : Math.addExact(Math.multiplyExact(3, n), 1);
      steps++;
    }
    return steps;
  }

  /** The best start and its chain length over {@code [a, b)}. */
  public static Best search(long a, long b) {
    Best best = Best.NONE;
    for (long n = a; n < b; n++) {
      best = best.better(new Best(n, chainLength(n)));
    }
    return best;
  }

  /** The output the program writes for the input {@code (a, b)}. */
  public static List<BigInteger> output(List<BigInteger> input) {
    Inputs.requireRange(input, 1);
    return search(input.get(0).longValueExact(), input.get(1).longValueExact()).toOutput();
  }

  /**
   * A start and its chain length.
   *
   * @param start the starting number (0 when no start was seen)
   * @param length its number of steps down to 1 (-1 when no start was seen)
   */
  public record Best(long start, long length) {
    /** What an empty range gives. */
    public static final Best NONE = new Best(0, -1);

    /** The better of the two: the longer chain, the smaller start on ties. */
    public Best better(Best other) {
      if (other.length > length || (other.length == length && other.start < start)) {
        return other;
      }
      return this;
    }

    /** As the program writes it. */
    public List<BigInteger> toOutput() {
      return List.of(BigInteger.valueOf(start), Felts.of(length));
    }

    /** Reads the program's output {@code (best_start, best_length)}. */
    public static Best fromOutput(List<BigInteger> output) {
      if (output.size() != 2) {
        throw new IllegalArgumentException(
            "a Collatz result has 2 felts (start, length), not " + output.size());
      }
      return new Best(Felts.toSignedLong(output.get(0)), Felts.toSignedLong(output.get(1)));
    }
  }
}
