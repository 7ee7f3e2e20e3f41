package io.cairn.apps.examples.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.apps.examples.ExampleApp;
import io.cairn.assimilator.ResultPlugin;
import io.cairn.assimilator.ResultPluginException;
import io.cairn.assimilator.ValidatedResult;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example plugin folds results into answer files, once per result, whatever the order. */
class AggregatingPluginTest {
  @TempDir Path dir;

  @Test
  void isRegisteredForTheAssimilatorsServiceLoader() {
    assertTrue(
        ServiceLoader.load(ResultPlugin.class).stream()
            .anyMatch(p -> p.type() == AggregatingPlugin.class));
  }

  @Test
  void isInactiveWithoutADirectory() {
    assertFalse(new AggregatingPlugin(Optional.empty()).handles("lab"));
    assertTrue(new AggregatingPlugin(Optional.of(dir)).handles("lab"));
  }

  @Test
  void collatzResultsFoldIntoTheBestStartOverall() throws Exception {
    AggregatingPlugin plugin = new AggregatingPlugin(Optional.of(dir));
    List<List<BigInteger>> ranges = ExampleApp.COLLATZ.ranges(10, 100);
    long id = 100;
    for (List<BigInteger> range : ranges.reversed()) {
      ValidatedResult r = result(++id, "collatz", range, ExampleApp.COLLATZ.expectedOutput(range));
      plugin.accept(r);
      plugin.accept(r); // at least once: a repeat does not count twice
    }
    AnswerFiles.Answer answer = new AnswerFiles(dir).answer("lab", "collatz").orElseThrow();
    assertEquals(10, answer.results());
    assertEquals(Map.of("best_start", "871", "best_length", "178"), answer.values());
    assertEquals(10, Files.readAllLines(new AnswerFiles(dir).journal("lab", "collatz")).size());
  }

  @Test
  void primeCountsAddUp() throws Exception {
    AggregatingPlugin plugin = new AggregatingPlugin(Optional.of(dir));
    long id = 0;
    for (List<BigInteger> range : ExampleApp.PRIME_COUNT.ranges(4, 250)) {
      plugin.accept(
          result(++id, "prime_count", range, ExampleApp.PRIME_COUNT.expectedOutput(range)));
    }
    AnswerFiles.Answer answer = new AnswerFiles(dir).answer("lab", "prime_count").orElseThrow();
    assertEquals(new AnswerFiles.Answer(4, Map.of("prime_count", "168")), answer);
  }

  @Test
  void otherProgramsAreIgnoredAndMalformedOutputsRetried() throws Exception {
    AggregatingPlugin plugin = new AggregatingPlugin(Optional.of(dir));
    plugin.accept(result(1, "fibonacci", List.of(big(10)), List.of(big(55))));
    assertTrue(new AnswerFiles(dir).answer("lab", "fibonacci").isEmpty());
    assertThrows(
        ResultPluginException.class,
        () -> plugin.accept(result(2, "collatz", List.of(big(1), big(5)), List.of(big(3)))));
    assertTrue(new AnswerFiles(dir).answer("lab", "collatz").isEmpty());
  }

  @Test
  void namesBecomeSafePathElements() {
    assertEquals("a_b_c", AnswerFiles.safe("a/b c"));
    assertEquals("_..", AnswerFiles.safe(".."));
  }

  private static ValidatedResult result(
      long id, String program, List<BigInteger> input, List<BigInteger> output) {
    return new ValidatedResult(
        id, "lab", 1, program, id, input.toString(), output, 1000, 100, Instant.EPOCH);
  }

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }
}
