package io.cairn.cairo.prover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.air.TraceChecker;
import io.cairn.cairo.air.ProvableProgram;
import io.cairn.cairo.tools.asm.Assembler;
import io.cairn.cairo.tools.asm.ProgramJsonWriter;
import io.cairn.cairo.vm.CairoRunner;
import io.cairn.cairo.vm.ExecutionResult;
import io.cairn.cairo.vm.RunConfig;
import io.cairn.cairo.vm.program.CairoProgram;
import io.cairn.math.Felt;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The VM is the oracle: random programs (arithmetic on ap- and fp-based cells, immediates, double
 * dereferences into the input, calls, both branches of conditional jumps) are run by the VM, and
 * the traces built from their runs must satisfy every constraint of the AIR.
 */
class RandomProgramTest {

  private static final List<Felt> INPUT = TestPrograms.felts(11, 0, 7, 1L << 62);

  /**
   * One random main body. {@code felts} records, for each cell main has pushed (fp + i), whether it
   * holds a felt: a call's frame cells are pointers, which the program must not compute with.
   */
  private static String randomProgram(Random random) {
    StringBuilder body = new StringBuilder();
    List<Boolean> felts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      body.append("    [ap] = ").append(random.nextInt(1000) - 500).append(", ap++\n");
      felts.add(true);
    }
    int labels = 0;
    for (int op = 0; op < 40; op++) {
      int a = recentFelt(felts, random);
      int b = recentFelt(felts, random);
      switch (random.nextInt(8)) {
        case 0 -> body.append("    [ap] = [ap - %d] + [ap - %d], ap++\n".formatted(a, b));
        case 1 -> body.append("    [ap] = [ap - %d] * [ap - %d], ap++\n".formatted(a, b));
        case 2 ->
            body.append("    [ap] = [ap - %d] + %d, ap++\n".formatted(a, random.nextInt(99) - 49));
        case 3 ->
            body.append("    [ap] = [ap - %d] * %d, ap++\n".formatted(a, random.nextInt(9) + 2));
        case 4 -> body.append("    [ap] = [fp + %d], ap++\n".formatted(felts.size() - a));
        case 5 -> body.append("    [ap] = [[fp - 3] + %d], ap++\n".formatted(random.nextInt(4)));
        case 6 -> {
          body.append("    [ap] = [ap - %d], ap++\n    call helper\n".formatted(a));
          felts.addAll(List.of(true, false, false));
        }
        default -> {
          String taken = "taken" + labels;
          String join = "join" + labels++;
          body.append("    jmp %s if [ap - %d] != 0\n".formatted(taken, a))
              .append("    [ap] = 1, ap++\n")
              .append("    jmp %s\n".formatted(join))
              .append("%s:\n    [ap] = 2, ap++\n%s:\n".formatted(taken, join));
        }
      }
      felts.add(true);
    }
    return """
        %builtins output

        func helper(x: felt) -> (y: felt) {
            [ap] = [fp - 3] * 3, ap++
            ret
        }

        func main{output_ptr: felt*}(input_len: felt, input: felt*) {
        """
        + body
        + """
            [ap - 1] = [[fp - 5]]
            [ap] = [fp - 5] + 1, ap++
            ret
        }
        """;
  }

  /** The distance back from ap of a random felt among the last eight cells. */
  private static int recentFelt(List<Boolean> felts, Random random) {
    while (true) {
      int back = 1 + random.nextInt(Math.min(felts.size(), 8));
      if (felts.get(felts.size() - back)) {
        return back;
      }
    }
  }

  @Test
  void tracesOfRandomProgramsSatisfyTheAir() throws Exception {
    Random random = new Random(20261122);
    Felt[] challenges = {Felt.of(1234567), Felt.of(7654321), Felt.of(31337)};
    for (int p = 0; p < 25; p++) {
      String source = randomProgram(random);
      byte[] json =
          ProgramJsonWriter.write(Assembler.assemble(source, Assembler.Mode.PROOF))
              .getBytes(StandardCharsets.UTF_8);
      ExecutionResult run =
          CairoRunner.run(
              CairoProgram.load(new ByteArrayInputStream(json)),
              RunConfig.proof().withInput(INPUT));
      CairoTrace trace = CairoTraceBuilder.build(ProvableProgram.fromJson(json), run, "lease");
      TraceChecker.check(trace.air(), trace.main(), challenges);
      assertEquals(run.output(), trace.statement().output());
    }
  }
}
