package io.cairn.cairo.vm.hint;

import io.cairn.cairo.vm.Arithmetic;
import io.cairn.math.Felt;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;

/**
 * The assert_le_felt hint family: the arc-splitting hint, which keeps the index of the longest arc
 * in the scope variable {@code excluded}, and the three hints that branch on it.
 */
final class AssertLeFeltHints {
  private static final BigInteger P = Felt.MODULUS;

  private AssertLeFeltHints() {}

  static void register(Map<String, Hint> table) {
    table.put("ASSERT_LE_FELT", AssertLeFeltHints::assertLeFelt);
    table.put(
        "ASSERT_LE_FELT_EXCLUDED_0", ctx -> MathHints.writeAp(ctx, excluded(ctx) != 0 ? 1 : 0));
    table.put(
        "ASSERT_LE_FELT_EXCLUDED_1", ctx -> MathHints.writeAp(ctx, excluded(ctx) != 1 ? 1 : 0));
    table.put(
        "ASSERT_LE_FELT_EXCLUDED_2",
        ctx -> {
          if (excluded(ctx) != 2) {
            throw new HintException("assert excluded == 2 failed");
          }
        });
  }

  private static int excluded(HintContext ctx) {
    return ((BigInteger) ctx.scopes().get("excluded")).intValueExact();
  }

  private static void assertLeFelt(HintContext ctx) {
    BigInteger a = ctx.integer("a");
    BigInteger b = ctx.integer("b");
    if (a.compareTo(b) > 0) {
      throw new HintException("a = " + a + " is not less than or equal to b = " + b);
    }
    BigInteger[][] arcs = {
      {a, BigInteger.ZERO},
      {b.subtract(a), BigInteger.ONE},
      {P.subtract(BigInteger.ONE).subtract(b), BigInteger.TWO}
    };
    Arrays.sort(
        arcs, Comparator.<BigInteger[], BigInteger>comparing(x -> x[0]).thenComparing(x -> x[1]));
    if (arcs[0][0].compareTo(P.divide(BigInteger.valueOf(3))) > 0
        || arcs[1][0].compareTo(P.divide(BigInteger.TWO)) > 0) {
      throw new HintException("assert_le_felt: no short arcs");
    }
    ctx.scopes().put("excluded", arcs[2][1]);
    Object rc = ctx.value("range_check_ptr");
    BigInteger[] qr0 = arcs[0][0].divideAndRemainder(ctx.integer("PRIME_OVER_3_HIGH"));
    BigInteger[] qr1 = arcs[1][0].divideAndRemainder(ctx.integer("PRIME_OVER_2_HIGH"));
    ctx.memory().insert(at(rc, 1), Felt.of(qr0[0]));
    ctx.memory().insert(at(rc, 0), Felt.of(qr0[1]));
    ctx.memory().insert(at(rc, 3), Felt.of(qr1[0]));
    ctx.memory().insert(at(rc, 2), Felt.of(qr1[1]));
  }

  private static io.cairn.cairo.vm.Relocatable at(Object base, long i) {
    Object v = Arithmetic.add(base, Felt.of(i));
    if (v instanceof io.cairn.cairo.vm.Relocatable r) {
      return r;
    }
    throw new HintException("range_check_ptr is not a pointer");
  }
}
