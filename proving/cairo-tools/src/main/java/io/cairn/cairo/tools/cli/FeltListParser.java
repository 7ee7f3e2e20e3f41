package io.cairn.cairo.tools.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.math.Felt;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a job input: a JSON list of field elements, each a JSON integer or a string holding a
 * decimal or {@code 0x} hexadecimal integer, possibly negative (reduced modulo P), for example
 * {@code [1, "0x10", -1]}.
 */
final class FeltListParser {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  private FeltListParser() {}

  static List<Felt> parse(String json) throws UsageException {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new UsageException("input is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isArray()) {
      throw new UsageException("input must be a JSON list of integers, such as [1, 2, \"0x3\"]");
    }
    List<Felt> felts = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      felts.add(Felt.of(integer(root.get(i), i).mod(Felt.MODULUS)));
    }
    return felts;
  }

  private static BigInteger integer(JsonNode node, int index) throws UsageException {
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue();
    }
    if (node.isTextual()) {
      String text = node.asText().strip();
      boolean negative = text.startsWith("-");
      String digits = negative ? text.substring(1) : text;
      try {
        BigInteger value =
            digits.startsWith("0x") || digits.startsWith("0X")
                ? new BigInteger(digits.substring(2), 16)
                : new BigInteger(digits);
        return negative ? value.negate() : value;
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw new UsageException(
        "input element " + index + " is not an integer: " + node + " (use 5, \"5\" or \"0x5\")");
  }
}
