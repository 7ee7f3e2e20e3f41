package io.cairn.cairo.tools.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.cairo.tools.asm.Assembler.Mode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two example apps (Collatz search, prime count) assembled, run in the VM through the input ABI
 * in both modes, and checked against a plain Java computation.
 */
class AppExamplesTest {

  static long collatzLength(long n) {
    long steps = 0;
    while (n != 1) {
      n = n % 2 == 0 ? n / 2 : 3 * n + 1;
      steps++;
    }
    return steps;
  }

  static List<Long> bestCollatz(long a, long b) {
    long bestStart = 0;
    long bestLength = -1;
    for (long n = a; n < b; n++) {
      long length = collatzLength(n);
      if (length > bestLength) {
        bestStart = n;
        bestLength = length;
      }
    }
    return List.of(bestStart, bestLength);
  }

  static long primeCount(long a, long b) {
    long count = 0;
    for (long n = a; n < b; n++) {
      boolean prime = n >= 2;
      for (long d = 2; d * d <= n && prime; d++) {
        prime = n % d != 0;
      }
      count += prime ? 1 : 0;
    }
    return count;
  }

  @ParameterizedTest
  @CsvSource({"1, 2, EXECUTION", "1, 10, EXECUTION", "1, 30, PROOF", "20, 40, EXECUTION"})
  void collatzSearchMatchesJava(long a, long b, Mode mode) throws Exception {
    assertEquals(bestCollatz(a, b), ExampleRun.output("collatz.casm", mode, a, b));
  }

  @ParameterizedTest
  @CsvSource({
    "0, 2, EXECUTION",
    "0, 30, EXECUTION",
    "2, 100, PROOF",
    "90, 200, EXECUTION",
    "1000, 1010, EXECUTION"
  })
  void primeCountMatchesJava(long a, long b, Mode mode) throws Exception {
    assertEquals(
        List.of(a, b, primeCount(a, b)), ExampleRun.output("prime_count.casm", mode, a, b));
  }
}
