package io.cairn.orgcli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InputGroupsTextTest {
  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }

  @Test
  void rangeCutsHalfOpenGroupsWithAShorterLastOne() {
    InputGroupsText t = InputGroupsText.range(big(1), big(10), big(3));
    assertEquals(3, t.groups());
    assertEquals(InputGroupsText.Format.JSON_LINES, t.format());
    assertEquals(
        "{\"name\":\"1:4\",\"input\":[\"1\",\"4\"]}\n"
            + "{\"name\":\"4:7\",\"input\":[\"4\",\"7\"]}\n"
            + "{\"name\":\"7:10\",\"input\":[\"7\",\"10\"]}\n",
        t.chunks().get(0).body());
    assertEquals(1, InputGroupsText.range(big(5), big(6), big(100)).groups());
  }

  @Test
  void badRangesAreRefused() {
    assertThrows(BadLocalInput.class, () -> InputGroupsText.range(big(5), big(5), big(1)));
    assertThrows(BadLocalInput.class, () -> InputGroupsText.range(big(1), big(5), big(0)));
    assertThrows(
        BadLocalInput.class, () -> InputGroupsText.range(big(0), big(100_000_000), big(1)));
    assertThrows(
        BadLocalInput.class, () -> InputGroupsText.range(big(0), FeltText.PRIME, big(1L << 60)));
  }

  @Test
  void everyBadLineIsReportedBeforeAnythingIsSent() {
    BadLocalInput e =
        assertThrows(
            BadLocalInput.class,
            () ->
                InputGroupsText.of(
                    "in.jsonl",
                    InputGroupsText.Format.JSON_LINES,
                    "{\"input\": [1]}\nnope\n{\"input\": [1], \"colour\": 2}\n{\"input\": [\"0x\"]}\n"));
    assertTrue(e.getMessage().contains("3 bad line(s)"), e.getMessage());
    assertTrue(e.getMessage().contains("line 2: not a JSON object"), e.getMessage());
    assertTrue(e.getMessage().contains("line 3: unknown field 'colour'"), e.getMessage());
    assertTrue(e.getMessage().contains("line 4: input[0]"), e.getMessage());
    assertThrows(
        BadLocalInput.class, () -> InputGroupsText.of("e.csv", InputGroupsText.Format.CSV, "\n\n"));
    assertThrows(
        BadLocalInput.class,
        () ->
            InputGroupsText.of(
                "p.csv", InputGroupsText.Format.CSV, FeltText.PRIME.toString() + "\n"));
  }

  @Test
  void chunksKeepTheLineNumbersOfTheWholeText() {
    String text =
        IntStream.range(0, InputGroupsText.MAX_LINES_PER_REQUEST * 2 + 3)
            .mapToObj(i -> i % 7 == 0 ? "\n" + i : Integer.toString(i))
            .collect(Collectors.joining("\n"));
    InputGroupsText t = InputGroupsText.of("big.csv", InputGroupsText.Format.CSV, text);
    List<InputGroupsText.Chunk> chunks = t.chunks();
    assertEquals(3, chunks.size());
    int groups = 0;
    int line = 1;
    for (InputGroupsText.Chunk c : chunks) {
      assertEquals(line, c.firstLine());
      long lines = c.body().lines().count();
      groups += (int) c.body().lines().filter(l -> !l.isBlank()).count();
      assertTrue(
          c.body().lines().filter(l -> !l.isBlank()).count()
              <= InputGroupsText.MAX_LINES_PER_REQUEST);
      line += (int) lines;
    }
    assertEquals(t.groups(), groups);
  }

  @Test
  void feltListsAcceptBracketsQuotesAndHex() {
    assertEquals(List.of(big(1), big(16), big(3)), FeltText.parseList("[1, \"0x10\", 3]"));
    assertEquals(List.of(), FeltText.parseList("[]"));
    assertThrows(IllegalArgumentException.class, () -> FeltText.parseList("1,-2"));
  }
}
