package io.cairn.cairo.air;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.math.Felt;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The verifier-side program model, statement validation, public memory and the proof file codec, on
 * a hand-written program JSON (no VM).
 */
class StatementTest {

  private static final String PRIME =
      "0x800000000000011000000000000000000000000000000000000000000000001";

  /** A proof-mode program JSON with 8 words; {@code builtins} and main's argument size vary. */
  static byte[] json(String builtins, int argsSize) {
    return ("{\"prime\": \""
            + PRIME
            + "\", \"data\": [\"0x40780017fff7fff\", \"0x3\", \"0x1104800180018000\", \"0x4\","
            + " \"0x10780017fff7fff\", \"0x0\", \"0x208b7fff7fff7ffe\", \"0x1\"],"
            + " \"builtins\": ["
            + builtins
            + "], \"main_scope\": \"__main__\", \"identifiers\": {"
            + "\"__main__.__start__\": {\"type\": \"label\", \"pc\": 0},"
            + "\"__main__.__end__\": {\"type\": \"label\", \"pc\": 4},"
            + "\"__main__.main.Args\": {\"type\": \"struct\", \"size\": "
            + argsSize
            + ", \"members\": {}}}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static List<Felt> felts(long... v) {
    List<Felt> out = new ArrayList<>();
    for (long x : v) {
      out.add(Felt.of(x));
    }
    return out;
  }

  /** program 1..8, execution 9..(9+40), output (size |output|), input (size |input|). */
  private static CairoStatement statement(List<Felt> input, List<Felt> output, long apFinal)
      throws CairoStatementException {
    ProvableProgram program = ProvableProgram.fromJson(json("\"output\"", 2));
    List<Segment> segments =
        List.of(
            new Segment("program", 1, 8),
            new Segment("execution", 9, 40),
            new Segment("output", 49, output.size()),
            new Segment("input", 49 + output.size(), input.size()));
    ExecutionClaim claim = new ExecutionClaim(100, 7, 32760, 32770, 0, 0, apFinal, segments);
    return new CairoStatement(program, input, output, "lease-1", claim);
  }

  @Test
  void readsTheProgramModelFromJson() throws Exception {
    ProvableProgram p = ProvableProgram.fromJson(json("\"output\", \"range_check\"", 2));
    assertEquals(8, p.bytecode().size());
    assertEquals(List.of("output", "range_check"), p.builtins());
    assertEquals(0, p.startPc());
    assertEquals(4, p.endPc());
    assertTrue(p.takesInput());
    assertTrue(p.usesRangeCheck());
    assertFalse(ProvableProgram.fromJson(json("", 0)).takesInput());
  }

  @Test
  void refusesMalformedPrograms() {
    assertThrows(CairoStatementException.class, () -> ProvableProgram.fromJson("[".getBytes()));
    assertThrows(
        CairoStatementException.class,
        () -> ProvableProgram.fromJson(new String(json("", 0)).replace("__end__", "x").getBytes()));
    assertThrows(
        CairoStatementException.class,
        () -> ProvableProgram.fromJson(new String(json("", 0)).replace(PRIME, "0x7").getBytes()));
    assertThrows(CairoStatementException.class, () -> ProvableProgram.fromJson(json("", 3)));
    assertThrows(
        CairoStatementException.class,
        () ->
            ProvableProgram.fromJson(
                new String(json("", 0)).replace("\"0x10780017fff7fff\"", "\"0x5\"").getBytes()));
  }

  @Test
  void refusesUnconstrainedBuiltins() throws Exception {
    ProvableProgram p = ProvableProgram.fromJson(json("\"output\", \"pedersen\"", 0));
    UnsupportedBuiltinException e =
        assertThrows(UnsupportedBuiltinException.class, p::requireProvableBuiltins);
    assertEquals("pedersen", e.builtin());
  }

  @Test
  void rebuildsThePublicMemory() throws Exception {
    CairoStatement s = statement(felts(7, 8), felts(15), 30);
    s.validate();
    assertEquals(5, s.pcFinal());
    assertEquals(11, s.apInitial());
    List<MemoryCell> pm = PublicMemory.of(s);
    // 8 words, stack [11, 0, output base, input_len, input base], 2 inputs, 1 output, 1 pointer.
    assertEquals(8 + 5 + 2 + 1 + 1, pm.size());
    assertTrue(pm.contains(new MemoryCell(9, Felt.of(11))));
    assertTrue(pm.contains(new MemoryCell(11, Felt.of(49))));
    assertTrue(pm.contains(new MemoryCell(12, Felt.of(2))));
    assertTrue(pm.contains(new MemoryCell(13, Felt.of(50))));
    assertTrue(pm.contains(new MemoryCell(50, Felt.of(7))));
    assertTrue(pm.contains(new MemoryCell(49, Felt.of(15))));
    assertTrue(pm.contains(new MemoryCell(29, Felt.of(50))));
  }

  @Test
  void refusesInconsistentClaims() throws Exception {
    assertThrows(CairoStatementException.class, () -> statement(felts(1), felts(2), 12).validate());
    assertThrows(CairoStatementException.class, () -> statement(felts(1), felts(2), 50).validate());
    CairoStatement ok = statement(felts(1), felts(2), 30);
    ok.validate();
    ExecutionClaim c = ok.claim();
    List<ExecutionClaim> bad =
        List.of(
            new ExecutionClaim(129, 7, 0, 1, 0, 0, 30, c.segments()),
            new ExecutionClaim(0, 7, 0, 1, 0, 0, 30, c.segments()),
            new ExecutionClaim(10, 2, 0, 1, 0, 0, 30, c.segments()),
            new ExecutionClaim(10, 7, 5, 4, 0, 0, 30, c.segments()),
            new ExecutionClaim(10, 7, 0, 1 << 16, 0, 0, 30, c.segments()),
            new ExecutionClaim(10, 7, 0, 1, 0, 0, 30, c.segments().subList(0, 3)),
            new ExecutionClaim(10, 7, 0, 1, 0, 1, 30, c.segments()),
            new ExecutionClaim(
                10,
                7,
                0,
                1,
                0,
                0,
                30,
                List.of(
                    new Segment("program", 1, 8),
                    new Segment("execution", 9, 40),
                    new Segment("output", 50, 1),
                    new Segment("input", 51, 1))));
    for (ExecutionClaim claim : bad) {
      CairoStatement s =
          new CairoStatement(ok.program(), ok.input(), ok.output(), ok.leaseId(), claim);
      assertThrows(CairoStatementException.class, s::validate, claim.toString());
    }
  }

  @Test
  void proofFileRoundTripsAndDecodesStrictly() throws Exception {
    CairoStatement s = statement(felts(1), felts(2), 30);
    CairoProofFile file = new CairoProofFile(s.claim(), s.output(), new byte[] {1, 2, 3});
    byte[] bytes = file.encode();
    CairoProofFile back = CairoProofFile.decode(bytes);
    assertEquals(file.claim(), back.claim());
    assertEquals(file.output(), back.output());
    assertArrayEquals(file.stark(), back.stark());
    byte[] trailing = java.util.Arrays.copyOf(bytes, bytes.length + 1);
    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 1);
    byte[] magic = bytes.clone();
    magic[0] ^= 1;
    for (byte[] broken : List.of(trailing, truncated, magic)) {
      CairoVerificationException e =
          assertThrows(CairoVerificationException.class, () -> CairoProofFile.decode(broken));
      assertEquals(CairoVerificationException.Kind.MALFORMED_PROOF, e.kind());
    }
  }

  @Test
  void statementBytesCoverEveryPart() throws Exception {
    CairoStatement s = statement(felts(1), felts(2), 30);
    byte[] base = s.toBytes();
    List<CairoStatement> variants =
        List.of(
            statement(felts(3), felts(2), 30),
            statement(felts(1), felts(4), 30),
            statement(felts(1), felts(2), 31),
            new CairoStatement(s.program(), s.input(), s.output(), "lease-2", s.claim()));
    for (CairoStatement v : variants) {
      assertFalse(java.util.Arrays.equals(base, v.toBytes()));
    }
  }
}
