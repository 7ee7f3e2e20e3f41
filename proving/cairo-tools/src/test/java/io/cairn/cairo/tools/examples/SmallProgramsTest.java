package io.cairn.cairo.tools.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cairo.tools.asm.Assembler.Mode;
import io.cairn.cairo.vm.ExecutionResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SmallProgramsTest {

  @ParameterizedTest
  @EnumSource(Mode.class)
  void fibonacciReadsNFromTheInputAndWritesFibN(Mode mode) throws Exception {
    assertEquals(List.of(0L), ExampleRun.output("fibonacci.casm", mode, 0));
    assertEquals(List.of(1L), ExampleRun.output("fibonacci.casm", mode, 1));
    assertEquals(List.of(55L), ExampleRun.output("fibonacci.casm", mode, 10));
    assertEquals(List.of(12586269025L), ExampleRun.output("fibonacci.casm", mode, 50));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void sumAddsEveryInputFelt(Mode mode) throws Exception {
    assertEquals(List.of(0L), ExampleRun.output("sum.casm", mode));
    assertEquals(List.of(42L), ExampleRun.output("sum.casm", mode, 42));
    assertEquals(List.of(5050L), ExampleRun.output("sum.casm", mode, range(1, 101)));
  }

  @Test
  void proofModeRunEndsOnEndAndPadsToAPowerOfTwo() throws Exception {
    ExecutionResult result = ExampleRun.run("sum.casm", Mode.PROOF, 1, 2, 3);
    assertEquals(1, Long.bitCount(result.steps()));
    assertEquals(List.of(1L, 2L, 3L), result.input().stream().map(f -> f.toLongExact()).toList());
    assertTrue(result.steps() >= 20);
  }

  static long[] range(long from, long to) {
    long[] values = new long[(int) (to - from)];
    for (int i = 0; i < values.length; i++) {
      values[i] = from + i;
    }
    return values;
  }
}
