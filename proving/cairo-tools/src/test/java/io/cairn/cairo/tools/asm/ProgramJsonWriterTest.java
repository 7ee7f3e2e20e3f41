package io.cairn.cairo.tools.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cairo.vm.program.CairoProgram;
import io.cairn.cairo.vm.program.HintSite;
import io.cairn.cairo.vm.program.Identifier;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgramJsonWriterTest {

  private static CairoProgram writeAndLoad(AssembledProgram program) throws Exception {
    String json = ProgramJsonWriter.write(program);
    return CairoProgram.load(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), code -> true);
  }

  @Test
  void writesWhatCairoCompileWritesForFunctionsLabelsAndConstants() throws Exception {
    String source =
        """
        %builtins output range_check
        const N = -5
        func main{output_ptr: felt*, range_check_ptr}(input_len: felt, input: felt*) {
        again:
            ret
        }
        """;
    AssembledProgram assembled = Assembler.assemble(source);
    String json = ProgramJsonWriter.write(assembled);
    assertTrue(
        json.contains(
            "\"prime\": \"0x800000000000011000000000000000000000000000000000000000000000001\""),
        json);
    assertTrue(json.contains("\"main_scope\": \"__main__\""), json);
    assertTrue(json.contains("    \"data\": [\n        \"0x208b7fff7fff7ffe\"\n    ]"), json);
    CairoProgram program = writeAndLoad(assembled);
    assertEquals(0, program.mainPc().orElseThrow());
    assertEquals(2, program.structSize("main.Args").orElseThrow());
    assertEquals(2, program.structSize("main.ImplicitArgs").orElseThrow());
    Identifier.Struct args = (Identifier.Struct) program.identifiers().get("__main__.main.Args");
    assertEquals(new Identifier.Member(1, "felt*"), args.members().get("input"));
    assertEquals(new Identifier.Label(0), program.identifiers().get("__main__.main.again"));
    assertEquals(
        new Identifier.Const(BigInteger.valueOf(-5)), program.identifiers().get("__main__.N"));
    assertInstanceOf(
        Identifier.TypeDefinition.class, program.identifiers().get("__main__.main.Return"));
    assertEquals(
        List.of("output", "range_check"),
        program.builtins().stream().map(b -> b.programName()).toList());
  }

  @Test
  void letReferencesAreVisibleToLaterHintsOfTheirFunction() throws Exception {
    String source =
        """
        func f(value, div) {
            let value = [fp - 4]
            let div = [fp - 3]
            let q = [fp]
            %{
                first line
                    indented line
            %}
            ap += 1
            ret
        }
        func g {
            %{ other %}
            ret
        }
        """;
    CairoProgram program = writeAndLoad(Assembler.assemble(source));
    HintSite hint = program.hints().get(0).get(0);
    assertEquals("first line\n    indented line", hint.code());
    assertEquals(List.of("__main__", "__main__.f"), hint.accessibleScopes());
    assertEquals(
        Map.of("__main__.f.value", 0, "__main__.f.div", 1, "__main__.f.q", 2), hint.referenceIds());
    assertEquals("[cast(fp + (-4), felt*)]", program.references().get(0).value());
    assertEquals("[cast(fp, felt*)]", program.references().get(2).value());
    assertInstanceOf(Identifier.ReferenceDef.class, program.identifiers().get("__main__.f.q"));
    assertEquals(Map.of(), program.hints().get(3).get(0).referenceIds());
  }
}
