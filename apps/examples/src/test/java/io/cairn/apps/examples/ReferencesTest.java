package io.cairn.apps.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Java references against facts known independently (OEIS A006577, the prime-counting
 * function), and the folds the aggregating plugin applies.
 */
class ReferencesTest {

  @Test
  void collatzChainLengths() {
    assertEquals(0, CollatzReference.chainLength(1));
    assertEquals(111, CollatzReference.chainLength(27));
    assertEquals(new CollatzReference.Best(871, 178), CollatzReference.search(1, 1000));
    assertEquals(new CollatzReference.Best(9, 19), CollatzReference.search(1, 10));
    assertEquals(CollatzReference.Best.NONE, CollatzReference.search(5, 5));
    assertThrows(IllegalArgumentException.class, () -> CollatzReference.chainLength(0));
  }

  @Test
  void collatzTiesGoToTheSmallestStart() {
    // 12 and 13 both take 9 steps
    assertEquals(new CollatzReference.Best(12, 9), CollatzReference.search(12, 14));
  }

  @Test
  void primeCounts() {
    assertEquals(168, PrimeCountReference.count(2, 1000));
    assertEquals(25, PrimeCountReference.count(0, 100));
    assertFalse(PrimeCountReference.isPrime(1));
    assertTrue(PrimeCountReference.isPrime(2));
    assertFalse(PrimeCountReference.isPrime(49));
    assertEquals(
        List.of(big(0), big(10), big(4)), PrimeCountReference.output(List.of(big(0), big(10))));
  }

  @Test
  void rangesOutsideTheProgramsDomainAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ExampleApp.COLLATZ.expectedOutput(List.of(big(0), big(5))));
    assertThrows(
        IllegalArgumentException.class,
        () -> ExampleApp.PRIME_COUNT.expectedOutput(List.of(big(9), big(5))));
    assertThrows(
        IllegalArgumentException.class,
        () -> ExampleApp.PRIME_COUNT.expectedOutput(List.of(big(1))));
  }

  @Test
  void aggregatesFoldTheRangesIntoTheWholeRangesAnswer() {
    List<List<BigInteger>> ranges = ExampleApp.COLLATZ.ranges(20, 50);
    assertEquals(List.of(big(1), big(51)), ranges.get(0));
    Map<String, String> answer =
        ExampleApp.COLLATZ.aggregate(
            ranges.stream().map(ExampleApp.COLLATZ::expectedOutput).toList());
    assertEquals(Map.of("best_start", "871", "best_length", "178"), answer);

    List<List<BigInteger>> primes = ExampleApp.PRIME_COUNT.ranges(10, 100);
    assertEquals(
        Map.of("prime_count", "168"),
        ExampleApp.PRIME_COUNT.aggregate(
            primes.stream().map(ExampleApp.PRIME_COUNT::expectedOutput).toList()));
  }

  @Test
  void defaultInputGroupsCoverOneContiguousRange() {
    for (ExampleApp app : ExampleApp.values()) {
      List<List<BigInteger>> groups = app.inputGroups();
      assertEquals(BigInteger.valueOf(app.firstStart()), groups.get(0).get(0));
      for (int i = 1; i < groups.size(); i++) {
        assertEquals(groups.get(i - 1).get(1), groups.get(i).get(0), app + " line " + (i + 1));
      }
      assertEquals(ExampleApp.toCsv(groups), app.inputGroupsCsv());
    }
  }

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }
}
