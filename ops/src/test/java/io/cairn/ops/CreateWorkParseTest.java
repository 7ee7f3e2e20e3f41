package io.cairn.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.math.Felt;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** create_work's line format: {@code [name:] felt felt ...}, checked whole before any write. */
class CreateWorkParseTest {
  private static final BigInteger P = Felt.MODULUS;

  @Test
  void namesFeltsHexNegativesCommentsAndBlankLines() {
    List<CreateWork.Job> jobs =
        CreateWork.parse(List.of("# starts", "", "first: 1 2,3", "0x10  -1", "-0", "empty:"), 4);
    assertEquals(4, jobs.size());
    assertEquals("first", jobs.get(0).name());
    assertArrayEquals(
        new BigInteger[] {BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3)},
        jobs.get(0).input());
    assertEquals("", jobs.get(1).name());
    assertArrayEquals(
        new BigInteger[] {BigInteger.valueOf(16), P.subtract(BigInteger.ONE)}, jobs.get(1).input());
    assertArrayEquals(new BigInteger[] {BigInteger.ZERO}, jobs.get(2).input());
    assertEquals(0, jobs.get(3).input().length);
  }

  @Test
  void aBadLineIsNamedAndNothingIsReturned() {
    IllegalArgumentException notNumber =
        assertThrows(IllegalArgumentException.class, () -> CreateWork.parse(List.of("1", "x"), 4));
    assertTrue(notNumber.getMessage().startsWith("line 2: "), notNumber.getMessage());
    IllegalArgumentException prime =
        assertThrows(
            IllegalArgumentException.class, () -> CreateWork.parse(List.of(P.toString()), 4));
    assertTrue(prime.getMessage().contains("outside [0, P)"), prime.getMessage());
    IllegalArgumentException tooMany =
        assertThrows(IllegalArgumentException.class, () -> CreateWork.parse(List.of("1 2 3"), 2));
    assertTrue(tooMany.getMessage().contains("limit 2"), tooMany.getMessage());
  }
}
