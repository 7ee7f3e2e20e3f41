package io.cairn.math;

import java.math.BigInteger;

/**
 * Field elements typed by people (API bodies, CLI arguments, input files): a decimal or {@code
 * 0x}-hex integer in [0, P), surrounding whitespace ignored, at most 80 characters. Failures are
 * {@link IllegalArgumentException}s whose message quotes the text (abbreviated) and says what is
 * wrong, ready to be shown to the person who typed it.
 */
public final class FeltInput {
  private FeltInput() {}

  /**
   * Parses one felt.
   *
   * @throws IllegalArgumentException "'x' is not a field element" (empty or too long), "'x' is not
   *     a number", or "'x' is outside [0, P)"
   */
  public static BigInteger parse(String text) {
    String t = text.trim();
    if (t.isEmpty() || t.length() > 80) {
      throw new IllegalArgumentException("'" + abbreviate(t) + "' is not a field element");
    }
    BigInteger v;
    try {
      v =
          t.startsWith("0x") || t.startsWith("0X")
              ? new BigInteger(t.substring(2), 16)
              : new BigInteger(t, 10);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + abbreviate(t) + "' is not a number");
    }
    if (v.signum() < 0 || v.compareTo(Felt.MODULUS) >= 0) {
      throw new IllegalArgumentException("'" + abbreviate(t) + "' is outside [0, P)");
    }
    return v;
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
