package io.cairn.cairo.tools.disasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cairo.tools.asm.AssembledProgram;
import io.cairn.cairo.tools.asm.Assembler;
import io.cairn.cairo.tools.asm.ProgramJsonWriter;
import io.cairn.cairo.vm.program.CairoProgram;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DisassemblerTest {

  static CairoProgram load(AssembledProgram program) throws Exception {
    byte[] json = ProgramJsonWriter.write(program).getBytes(StandardCharsets.UTF_8);
    return CairoProgram.load(new ByteArrayInputStream(json), code -> true);
  }

  private static final String EVERY_FORM =
      """
      %builtins output range_check
      const K = 7
      func helper(x) {
          [ap] = [fp - 3] * [fp - 3], ap++
          ret
      }
      func main{output_ptr: felt*, range_check_ptr}(input_len, input: felt*) {
          [ap] = [fp + -3] + 5, ap++
          [fp + 1] = [ap - 1] * [fp - 4]
          [ap] = K, ap++
          [ap] = [[fp - 3] + 2]
          [ap] = [[fp - 3]], ap++
          [ap] = [ap - 1] + (-3), ap++
          jmp rel 2
          jmp abs 10
          jmp rel [ap - 1]
          jmp abs [fp - 1] + [ap - 2]
          jmp rel [ap - 2], ap++
      loop:
          jmp loop if [ap - 1] != 0
          jmp rel [fp - 2] if [ap - 1] != 0
          call helper
          call rel 3
          call abs [fp - 1]
          ap += 3
          ap += [fp - 3]
          dw 0x1234
          jmp loop
          ret
      }
      """;

  @Test
  void everyInstructionFormRoundTrips() throws Exception {
    AssembledProgram original = Assembler.assemble(EVERY_FORM);
    String text = Disassembler.disassemble(load(original));
    AssembledProgram again = Assembler.assemble(text);
    assertEquals(original.data(), again.data(), text);
    assertEquals(original.labels().keySet(), again.labels().keySet());
    assertEquals(original.functions(), again.functions());
    assertTrue(text.contains("jmp loop if [ap - 1] != 0"), text);
    assertTrue(text.contains("call helper"), text);
    assertTrue(text.contains("func main{output_ptr: felt*, range_check_ptr: felt}"), text);
    assertTrue(text.contains("[ap] = [[fp - 3] + 2]"), text);
  }

  @Test
  void proofModeProgramsRoundTripAsPlainSource() throws Exception {
    AssembledProgram original =
        Assembler.assemble("func main(a, b) {\n [ap] = [fp - 3]\n ret\n}", Assembler.Mode.PROOF);
    String text = Disassembler.disassemble(load(original));
    assertTrue(text.contains("__start__:"), text);
    assertTrue(text.contains("call main"), text);
    assertEquals(original.data(), Assembler.assemble(text).data(), text);
  }

  @Test
  void wordsWithoutACanonicalFormBecomeDataWords() throws Exception {
    // 0x8000800080008000: a no-op (all flags zero) is no instruction; a felt above 2^63 neither;
    // "[ap] = 5" with op0 = [ap + 0] instead of the default [fp - 1] is not canonical.
    String source =
        "dw 0x8000800080008000\ndw 0x1234567890abcdef1234\ndw 0x480680018000800\ndw 5\n";
    AssembledProgram original = Assembler.assemble(source);
    String text = Disassembler.disassemble(load(original));
    assertEquals(4, text.lines().filter(l -> l.startsWith("dw ")).count(), text);
    assertEquals(original.data(), Assembler.assemble(text).data());
  }

  @Test
  void hintsAreShownAsComments() throws Exception {
    AssembledProgram original =
        Assembler.assemble("func main {\n %{ memory[ap] = segments.add() %}\n ap += 1\n ret\n}");
    String text = Disassembler.disassemble(load(original));
    assertTrue(text.contains("// hint: memory[ap] = segments.add()"), text);
  }
}
