package io.cairn.cairo.vm.hint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HintCatalogTest {
  @Test
  void everyCatalogHintIsImplemented() throws Exception {
    Map<String, String> byName;
    try (InputStream in = HintCatalog.class.getResourceAsStream("known-hints.json")) {
      byName = new ObjectMapper().readValue(in, new TypeReference<Map<String, String>>() {});
    }
    assertEquals(byName.size(), HintCatalog.size());
    for (Map.Entry<String, String> e : byName.entrySet()) {
      assertTrue(HintRuntime.isImplemented(e.getKey()), e.getKey());
      assertEquals(e.getKey(), HintCatalog.nameOf(e.getValue()).orElseThrow());
    }
  }

  @Test
  void matchingIsExact() {
    assertTrue(HintCatalog.isSupported("memory[ap] = segments.add()"));
    assertFalse(HintCatalog.isSupported("memory[ap] = segments.add() "));
    assertFalse(HintCatalog.isSupported("memory[ap]  = segments.add()"));
  }

  @Test
  void parsesReferenceExpressions() {
    assertEquals(
        "Deref[inner=Cast[inner=Binary[op=+, left=Reg[name=fp], right=Neg[inner=Literal[value=3]]],"
            + " type=felt*]]",
        ReferenceExpression.parse("[cast(fp + (-3), felt*)]").toString());
    assertTrue(ReferenceExpression.parse("cast([ap + (-1)] + 1, felt)").usesAp());
    assertFalse(ReferenceExpression.parse("[cast([fp + (-4)] + 2, a.b.DictAccess**)]").usesAp());
  }
}
