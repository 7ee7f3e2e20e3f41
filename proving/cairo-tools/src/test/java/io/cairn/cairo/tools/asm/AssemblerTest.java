package io.cairn.cairo.tools.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssemblerTest {

  private static final BigInteger P = EncodedInstruction.PRIME;

  private static List<String> hex(AssembledProgram program) {
    return program.data().stream().map(w -> "0x" + w.toString(16)).toList();
  }

  private static String minus(long v) {
    return "0x" + P.subtract(BigInteger.valueOf(v)).toString(16);
  }

  /** Encodings taken from the conformance programs compiled by cairo-compile 0.12.2. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[ap] = 5, ap++                  | 0x480680017fff8000 0x5",
        "[ap] = [fp + -4] + 1, ap++      | 0x482680017ffc8000 0x1",
        "[ap] = [fp - 4] + 1, ap++       | 0x482680017ffc8000 0x1",
        "assert [[fp - 4]] = [fp - 3]    | 0x400380007ffc7ffd",
        "[fp - 3] = [[fp - 4]]           | 0x400380007ffc7ffd",
        "[ap] = [fp - 3], ap++           | 0x480a7ffd7fff8000",
        "[ap] = [ap - 2], ap++           | 0x48127ffe7fff8000",
        "ap += 0                         | 0x40780017fff7fff 0x0",
        "jmp rel 0                       | 0x10780017fff7fff 0x0",
        "jmp rel 6                       | 0x10780017fff7fff 0x6",
        "ret                             | 0x208b7fff7fff7ffe",
        "call rel 16                     | 0x1104800180018000 0x10",
        "jmp rel 4 if [ap - 1] != 0      | 0x20680017fff7fff 0x4",
      })
  void encodesLikeCairoCompile(String source, String expected) {
    assertEquals(List.of(expected.split(" ")), hex(Assembler.assemble(source)));
  }

  @Test
  void negativeImmediatesAreReducedModuloP() {
    assertEquals(
        List.of("0x482680017ffd8000", minus(1)),
        hex(Assembler.assemble("[ap] = [fp - 3] + (-1), ap++")));
    assertEquals(
        List.of("0x482680017ffd8000", minus(1)),
        hex(Assembler.assemble("[ap] = [fp - 3] - 1, ap++")));
  }

  @Test
  void functionReturnMatchesCairoCompile() {
    String source =
        """
        func a() -> (b: felt) {
            [ap] = 5, ap++;
            ret;
        }
        func main() {
            call a;
            ret;
        }
        """;
    AssembledProgram program = Assembler.assemble(source);
    assertEquals(
        List.of(
            "0x480680017fff8000",
            "0x5",
            "0x208b7fff7fff7ffe",
            "0x1104800180018000",
            minus(3),
            "0x208b7fff7fff7ffe"),
        hex(program));
    assertEquals(3, program.function("__main__.main").orElseThrow().pc());
    assertEquals(
        "(b: felt)", program.function("__main__.a").orElseThrow().signature().returnType());
  }

  @Test
  void labelsAreScopedToTheirFunctionAndJumpsAreRelative() {
    String source =
        """
        func f:
            jmp done
            [ap] = 1, ap++
        done:
            ret
        func g:
            jmp done if [ap - 1] != 0
            done:
            ret
        """;
    AssembledProgram program = Assembler.assemble(source);
    assertEquals(2, program.labels().size());
    assertEquals(4, program.labels().get("__main__.f.done"));
    assertEquals(7, program.labels().get("__main__.g.done"));
    assertEquals("0x4", hex(program).get(1));
    assertEquals("0x2", hex(program).get(6));
  }

  @Test
  void constantsAndArgumentSizesAreUsable() {
    String source =
        """
        %builtins output
        const N = 10
        const M = N * 2 - 1;
        func main{output_ptr: felt*}(input_len, input: felt*) {
            [ap] = M, ap++
            [ap] = [fp + -3 - 0] * N
            ap += main.Args.SIZE + main.ImplicitArgs.SIZE
            dw 0x1234
            ret
        }
        """;
    AssembledProgram program = Assembler.assemble(source);
    assertEquals(BigInteger.valueOf(19), program.data().get(1));
    assertEquals(BigInteger.TEN, program.data().get(3));
    assertEquals(BigInteger.valueOf(3), program.data().get(5));
    assertEquals(BigInteger.valueOf(0x1234), program.data().get(6));
    assertEquals(BigInteger.valueOf(19), program.constants().get("__main__.M"));
  }

  @Test
  void proofModeAddsTheStartAndEndPrologue() {
    String source =
        """
        %builtins output
        func main{output_ptr: felt*}(input_len: felt, input: felt*) {
            ret
        }
        """;
    AssembledProgram program = Assembler.assemble(source, Assembler.Mode.PROOF);
    assertEquals(
        List.of(
            "0x40780017fff7fff",
            "0x3",
            "0x1104800180018000",
            "0x4",
            "0x10780017fff7fff",
            "0x0",
            "0x208b7fff7fff7ffe"),
        hex(program));
    assertEquals(0, program.labels().get("__main__.__start__"));
    assertEquals(4, program.labels().get("__main__.__end__"));
    assertEquals(6, program.function("__main__.main").orElseThrow().pc());
  }

  @Test
  void mainWithoutDeclaredImplicitArgumentsGetsOnePointerPerBuiltin() {
    AssembledProgram program =
        Assembler.assemble("%builtins output range_check\nfunc main {\n ret\n}\n");
    FunctionSignature main = program.function("__main__.main").orElseThrow().signature();
    assertEquals(
        List.of("output_ptr", "range_check_ptr"),
        main.implicitArgs().stream().map(FunctionSignature.Parameter::name).toList());
  }

  @Test
  void hintsAttachToTheNextInstruction() {
    AssembledProgram program =
        Assembler.assemble(
            "func main {\n [ap] = 1, ap++\n %{ memory[ap] = segments.add() %}\n ap += 1\n ret\n}");
    assertEquals("memory[ap] = segments.add()", program.hints().get(2).get(0).code());
    assertEquals(
        List.of("__main__", "__main__.main"), program.hints().get(2).get(0).accessibleScopes());
  }

  private static AssemblyException failure(String source) {
    return assertThrows(AssemblyException.class, () -> Assembler.assemble(source));
  }

  @Test
  void unknownLabelIsReportedWithItsLine() {
    AssemblyException e = failure("func main {\n  [ap] = 1, ap++\n  jmp nowhere\n  ret\n}\n");
    assertEquals(3, e.line());
    assertEquals(3, e.column());
    assertTrue(e.getMessage().contains("unknown label 'nowhere'"), e.getMessage());
  }

  @Test
  void offsetsBeyondSixteenBitsAreRejected() {
    AssemblyException e = failure("\n[ap] = [fp + 32768]\n");
    assertEquals(2, e.line());
    assertEquals(14, e.column());
    assertTrue(e.getMessage().contains("out of range"), e.getMessage());
    assertEquals(1, Assembler.assemble("[ap] = [fp - 32768]").data().size());
    assertEquals(3, failure("[ap] = 1\n\n[ap - 32769] = 1").line());
  }

  @Test
  void syntaxErrorsCarryTheirPosition() {
    AssemblyException e = failure("[ap] = 1\n[ap] == 2\n");
    assertEquals(2, e.line());
    assertEquals(7, e.column());
    assertEquals(1, failure("jmp").line());
    assertEquals(2, failure("ret\ncall rel 3, ap++").line());
    assertEquals(1, failure("[ap] = [ap] + [fp] + 1").line());
    assertEquals(2, failure("const N = 1\n[ap] = [fp + M]").line());
    assertEquals(3, failure("x:\nret\nx:\n").line());
    assertEquals(1, failure("%builtins range_check output").line());
    assertTrue(failure("ret $").getMessage().startsWith("1:5: unexpected character"));
  }
}
