package io.cairn.cairo.vm.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.math.Felt;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CairoProgramLoadTest {
  static final String PRIME = "0x800000000000011000000000000000000000000000000000000000000000001";

  static String program(String prime, String builtins, String hints) {
    return """
        {"prime": "%s", "data": ["0x40780017fff7fff", "0x2", "0x208b7fff7fff7ffe"],
         "builtins": [%s], "hints": {%s}, "main_scope": "__main__",
         "identifiers": {
           "__main__.main": {"type": "function", "pc": 0, "decorators": []},
           "__main__.main.Args": {"type": "struct", "full_name": "__main__.main.Args",
              "members": {"x": {"cairo_type": "felt", "offset": 0}}, "size": 1},
           "__main__.m": {"type": "alias", "destination": "__main__.main"},
           "__main__.K": {"type": "const", "value": -5}
         },
         "reference_manager": {"references": [
           {"ap_tracking_data": {"group": 0, "offset": 0}, "pc": 0,
            "value": "[cast(fp + (-3), felt*)]"}]}}
        """
        .formatted(prime, builtins, hints);
  }

  static CairoProgram load(String json) throws ProgramLoadException {
    return CairoProgram.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void loadsAValidProgram() throws Exception {
    CairoProgram p =
        load(
            program(
                PRIME,
                "\"output\", \"range_check\"",
                "\"0\": [{\"code\": \"memory[ap] = segments.add()\", \"accessible_scopes\":"
                    + " [\"__main__\"], \"flow_tracking_data\": {\"ap_tracking\": {\"group\": 0,"
                    + " \"offset\": 0}, \"reference_ids\": {}}}]"));
    assertEquals(3, p.data().size());
    assertEquals(Felt.of(2), p.data().get(1));
    assertEquals(0, p.mainPc().getAsInt());
    assertEquals(1, p.structSize("main.Args").getAsInt());
    assertTrue(p.identifier("__main__.m").get() instanceof Identifier.Function);
    assertEquals(-5, ((Identifier.Const) p.identifier("__main__.K").get()).value().intValueExact());
    assertEquals(1, p.hints().get(0).size());
    assertEquals("[cast(fp + (-3), felt*)]", p.references().get(0).value());
    assertEquals(java.util.List.of(BuiltinName.OUTPUT, BuiltinName.RANGE_CHECK), p.builtins());
  }

  @Test
  void rejectsWrongPrime() {
    ProgramLoadException e =
        assertThrows(ProgramLoadException.class, () -> load(program("0x11", "", "")));
    assertTrue(e.getMessage().contains("prime"), e.getMessage());
  }

  @Test
  void rejectsMalformedJson() {
    assertThrows(ProgramLoadException.class, () -> load("{\"prime\": "));
    assertThrows(ProgramLoadException.class, () -> load("[1, 2]"));
    assertThrows(ProgramLoadException.class, () -> load("{\"prime\": \"" + PRIME + "\"}"));
    assertThrows(
        ProgramLoadException.class,
        () -> load("{\"prime\": \"" + PRIME + "\", \"data\": [\"0xzz\"]}"));
  }

  @Test
  void rejectsUnknownOrUnsupportedBuiltin() {
    ProgramLoadException e =
        assertThrows(ProgramLoadException.class, () -> load(program(PRIME, "\"frobnicate\"", "")));
    assertTrue(e.getMessage().contains("frobnicate"), e.getMessage());
    assertThrows(ProgramLoadException.class, () -> load(program(PRIME, "\"ecdsa\"", "")));
  }

  @Test
  void rejectsUnknownHint() {
    ProgramLoadException e =
        assertThrows(
            ProgramLoadException.class,
            () ->
                load(
                    program(
                        PRIME,
                        "",
                        "\"0\": [{\"code\": \"import os; os.system('rm -rf /')\","
                            + " \"accessible_scopes\": [], \"flow_tracking_data\":"
                            + " {\"ap_tracking\": {\"group\": 0, \"offset\": 0},"
                            + " \"reference_ids\": {}}}]")));
    assertTrue(e.getMessage().contains("pc 0"), e.getMessage());
  }
}
