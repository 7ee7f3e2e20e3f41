package io.cairn.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class FeltInputTest {
  private static String refused(String text) {
    return assertThrows(IllegalArgumentException.class, () -> FeltInput.parse(text)).getMessage();
  }

  @Test
  void decimalHexWhitespaceAndTheLargestFelt() {
    assertEquals(BigInteger.valueOf(42), FeltInput.parse(" 42 "));
    assertEquals(BigInteger.valueOf(255), FeltInput.parse("0xff"));
    assertEquals(BigInteger.valueOf(255), FeltInput.parse("0XFF"));
    BigInteger pMinus1 = Felt.MODULUS.subtract(BigInteger.ONE);
    assertEquals(pMinus1, FeltInput.parse(pMinus1.toString()));
    assertEquals(BigInteger.ZERO, FeltInput.parse("0"));
  }

  @Test
  void eachKindOfBadTextHasItsMessage() {
    assertEquals("'' is not a field element", refused("  "));
    assertEquals("'12a' is not a number", refused("12a"));
    assertEquals("'0x' is not a number", refused("0x"));
    assertEquals("'-1' is outside [0, P)", refused("-1"));
    String p = Felt.MODULUS.toString(); // 76 digits: quoted abbreviated
    assertEquals("'" + p.substring(0, 40) + "…' is outside [0, P)", refused(p));
    String longText = "1".repeat(81);
    assertEquals("'" + "1".repeat(40) + "…' is not a field element", refused(longText));
  }
}
