package io.cairn.orgcli;

import io.cairn.math.FeltInput;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Field elements as the CLI reads them, with the server's rules: a decimal or {@code 0x}-hex
 * integer in [0, P), P = 2^251 + 17·2^192 + 1. Lists are written {@code 1,2,3} or {@code [1, "2",
 * "0x3"]}.
 */
public final class FeltText {
  /** The Stark252 prime. */
  public static final BigInteger PRIME = io.cairn.math.Felt.MODULUS;

  private FeltText() {}

  /**
   * Parses one felt.
   *
   * @throws IllegalArgumentException with a message for a person
   */
  public static BigInteger parse(String text) {
    String t = text.trim();
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
      t = t.substring(1, t.length() - 1).trim();
    }
    return FeltInput.parse(t);
  }

  /**
   * Parses a list: comma-separated felts, optionally inside brackets; the empty list is {@code []}
   * or the empty string.
   */
  public static List<BigInteger> parseList(String text) {
    String t = text.trim();
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1).trim();
    }
    List<BigInteger> out = new ArrayList<>();
    if (t.isEmpty()) {
      return out;
    }
    String[] cells = t.split(",", -1);
    for (int i = 0; i < cells.length; i++) {
      try {
        out.add(parse(cells[i]));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("element " + (i + 1) + ": " + e.getMessage());
      }
    }
    return out;
  }
}
