package io.cairn.cairo.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cairo.vm.program.CairoProgram;
import io.cairn.math.Felt;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputAbiTest {
  static final List<Felt> INPUT = List.of(Felt.of(40), Felt.of(2));

  @Test
  void execModePassesInputAfterImplicitArguments() throws Exception {
    CairoProgram program = TestPrograms.sumTwoInputs();
    ExecutionResult r = CairoRunner.run(program, RunConfig.exec().withInput(INPUT));
    assertEquals(List.of(Felt.of(42)), r.output());
    assertEquals(INPUT, r.input());
    List<String> names = r.segments().stream().map(SegmentInfo::name).toList();
    assertEquals(List.of("program", "execution", "output", "input", "return_fp", "end"), names);
    SegmentInfo input = r.inputSegment().orElseThrow();
    assertEquals(3, input.index());
    assertEquals(2, input.size());
    assertEquals(Felt.of(40), r.memoryAt(input.base()).orElseThrow());
    assertEquals(6, r.steps());
    // step 3 is [ap-1] = [[fp-5] + 0]: op1 is the first output cell
    StepAccesses a = r.accesses(3);
    assertEquals(r.outputSegment().orElseThrow().base(), a.op1());
    assertEquals(r.traceFp(3) - 5, a.op0());
    assertEquals(r.traceAp(3) - 1, a.dst());
    assertEquals(r.tracePc(3), a.pc());
  }

  @Test
  void proofModeWritesInputIntoTheReservedCells() throws Exception {
    CairoProgram program = TestPrograms.sumTwoInputs();
    ExecutionResult r = CairoRunner.run(program, RunConfig.proof().withInput(INPUT));
    assertEquals(List.of(Felt.of(42)), r.output());
    assertEquals(
        List.of("program", "execution", "output", "input"),
        r.segments().stream().map(SegmentInfo::name).toList());
    // 2 prologue steps + 6 in main + the __end__ step = 9, padded to 16
    assertEquals(16, r.steps());
    assertEquals(r.segments().get(0).base() + 11, r.finalPc());
    // public memory: 13 program words, 2 input felts, 1 output felt
    assertEquals(16, r.publicMemory().size());
    assertTrue(r.publicMemory().stream().anyMatch(c -> c.value().equals(Felt.of(42))));
  }

  @Test
  void inputForAMainWithoutArgumentsIsRefused() throws Exception {
    CairoProgram program =
        TestPrograms.program(
            List.of("0x" + Long.toHexString(TestPrograms.RET.encode())),
            "",
            "\"__main__.main\": {\"type\": \"function\", \"pc\": 0}");
    assertEquals(1, CairoRunner.run(program, RunConfig.exec()).steps());
    assertThrows(
        ProgramInterfaceException.class,
        () -> CairoRunner.run(program, RunConfig.exec().withInput(INPUT)));
  }
}
