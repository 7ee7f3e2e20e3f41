package io.cairn.math;

import java.math.BigInteger;

/**
 * Strict parsing of field elements from text: decimal, or hexadecimal after {@code 0x}, no sign,
 * surrounding whitespace ignored, and the value must be below p.
 */
final class FeltText {
  private FeltText() {}

  static Felt parse(String s) {
    String t = s.trim();
    BigInteger v;
    if (t.startsWith("0x") || t.startsWith("0X")) {
      v = digits(t.substring(2), 16, s);
    } else {
      v = digits(t, 10, s);
    }
    if (v.compareTo(Felt.MODULUS) >= 0) {
      throw new NonCanonicalFeltException("not below the field prime: " + s);
    }
    return Felt.of(v);
  }

  private static BigInteger digits(String digits, int radix, String original) {
    if (digits.isEmpty()) {
      throw new NumberFormatException("no digits in field element: \"" + original + "\"");
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), radix) < 0) {
        throw new NumberFormatException("not a field element: \"" + original + "\"");
      }
    }
    return new BigInteger(digits, radix);
  }
}
