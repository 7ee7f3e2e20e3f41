package io.cairn.cairo.air;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.math.Felt;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The verifier's view of a compiled Cairo 0 program: just what the statement needs. It is read from
 * the {@code cairo-compile} JSON (proof mode) without the VM: the bytecode ({@code data}), the
 * declared builtins, the pcs of {@code __start__} and {@code __end__}, and whether {@code main}
 * takes Cairn's explicit input {@code (input_len, input)}. {@code __end__} must be {@code jmp rel
 * 0}: the AIR pins pc there at the last step and relies on the run staying there afterwards.
 *
 * @param bytecode the program words, loaded at relocated addresses 1, 2, …
 * @param builtins the declared builtins in order
 * @param startPc the offset of {@code __start__}
 * @param endPc the offset of {@code __end__} (a {@code jmp rel 0})
 * @param takesInput whether {@code main} has the two explicit arguments (input_len, input)
 */
public record ProvableProgram(
    List<Felt> bytecode, List<String> builtins, int startPc, int endPc, boolean takesInput) {

  /** The builtins whose cells the AIR constrains. */
  public static final List<String> SUPPORTED_BUILTINS = List.of("output", "range_check");

  private static final BigInteger PRIME = Felt.MODULUS;

  /** The encoding of {@code jmp rel 0}'s instruction word (its immediate 0 follows). */
  private static final Felt JMP_REL_0 = Felt.of(0x010780017fff7fffL);

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  /** Copies the lists and checks the entry points lie in the bytecode. */
  public ProvableProgram {
    bytecode = List.copyOf(bytecode);
    builtins = List.copyOf(builtins);
    if (startPc < 0 || startPc >= bytecode.size() || endPc < 0 || endPc >= bytecode.size()) {
      throw new IllegalArgumentException("entry points outside the bytecode");
    }
  }

  /**
   * Reads a proof-mode program from its {@code cairo-compile} JSON.
   *
   * @throws CairoStatementException if the JSON is malformed, uses another prime, or lacks the
   *     proof-mode entry points
   */
  public static ProvableProgram fromJson(byte[] json) throws CairoStatementException {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new CairoStatementException("program is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new CairoStatementException("cannot read program JSON", e);
    }
    if (root == null || !root.isObject()) {
      throw new CairoStatementException("program JSON must be an object");
    }
    if (!PRIME.equals(integer(root.path("prime"), "prime"))) {
      throw new CairoStatementException("program is not for the Stark252 prime");
    }
    List<Felt> data = new ArrayList<>();
    for (JsonNode word : root.path("data")) {
      BigInteger v = integer(word, "data word");
      if (v.signum() < 0 || v.compareTo(PRIME) >= 0) {
        throw new CairoStatementException("data word is not a field element: " + v);
      }
      data.add(Felt.of(v));
    }
    List<String> builtins = new ArrayList<>();
    for (JsonNode b : root.path("builtins")) {
      builtins.add(b.asText());
    }
    String scope = root.path("main_scope").asText("__main__");
    JsonNode ids = root.path("identifiers");
    int start = pc(ids, scope + ".__start__");
    int end = pc(ids, scope + ".__end__");
    int args = ids.path(scope + ".main.Args").path("size").asInt(0);
    if (args != 0 && args != 2) {
      throw new CairoStatementException(
          "main's explicit arguments must be (input_len: felt, input: felt*), found "
              + args
              + " cells");
    }
    if (start >= data.size() || end + 1 >= data.size()) {
      throw new CairoStatementException("proof-mode entry points lie outside the bytecode");
    }
    if (!data.get(end).equals(JMP_REL_0) || !data.get(end + 1).isZero()) {
      throw new CairoStatementException(
          "__end__ must be 'jmp rel 0', so the run stays there once it arrives");
    }
    return new ProvableProgram(data, builtins, start, end, args == 2);
  }

  /**
   * Refuses a program that declares a builtin the AIR does not constrain.
   *
   * @throws UnsupportedBuiltinException naming the first such builtin
   */
  public void requireProvableBuiltins() throws UnsupportedBuiltinException {
    for (String b : builtins) {
      if (!SUPPORTED_BUILTINS.contains(b)) {
        throw new UnsupportedBuiltinException(b, SUPPORTED_BUILTINS);
      }
    }
  }

  /** Whether the program declares the range_check builtin. */
  public boolean usesRangeCheck() {
    return builtins.contains("range_check");
  }

  private static int pc(JsonNode ids, String name) throws CairoStatementException {
    JsonNode pc = ids.path(name).path("pc");
    if (!pc.canConvertToInt()) {
      throw new CairoStatementException(
          "program has no " + name + "; compile it with --proof_mode");
    }
    return pc.asInt();
  }

  private static BigInteger integer(JsonNode node, String what) throws CairoStatementException {
    String text = node.isTextual() ? node.asText() : node.isNumber() ? node.asText() : null;
    if (text == null) {
      throw new CairoStatementException("missing or malformed " + what);
    }
    try {
      return text.startsWith("0x") || text.startsWith("0X")
          ? new BigInteger(text.substring(2), 16)
          : new BigInteger(text);
    } catch (NumberFormatException e) {
      throw new CairoStatementException("malformed " + what + ": " + text, e);
    }
  }
}
