package io.cairn.cairo.vm.hint;

import io.cairn.cairo.vm.Arithmetic;
import io.cairn.cairo.vm.Relocatable;
import io.cairn.cairo.vm.builtin.RangeCheckBuiltin;
import io.cairn.math.Felt;
import java.math.BigInteger;
import java.util.Map;

/** The hints of cairo-lang's {@code math} and {@code math_cmp} libraries. */
final class MathHints {
  private static final BigInteger P = Felt.MODULUS;
  private static final BigInteger RC_BOUND = RangeCheckBuiltin.BOUND;
  private static final BigInteger TWO_128_MASK = RC_BOUND.subtract(BigInteger.ONE);

  private MathHints() {}

  static void register(Map<String, Hint> table) {
    table.put("ASSERT_NN", MathHints::assertNn);
    table.put("ASSERT_NOT_ZERO", MathHints::assertNotZero);
    table.put("ASSERT_NOT_EQUAL", MathHints::assertNotEqual);
    table.put("IS_NN", ctx -> writeAp(ctx, ctx.integer("a").compareTo(RC_BOUND) < 0 ? 0 : 1));
    table.put(
        "IS_NN_OUT_OF_RANGE",
        ctx -> {
          BigInteger v = ctx.integer("a").negate().subtract(BigInteger.ONE).mod(P);
          writeAp(ctx, v.compareTo(RC_BOUND) < 0 ? 0 : 1);
        });
    table.put(
        "IS_LE_FELT",
        ctx -> writeAp(ctx, ctx.integer("a").compareTo(ctx.integer("b")) <= 0 ? 0 : 1));
    table.put("IS_POSITIVE", MathHints::isPositive);
    table.put("ASSERT_LT_FELT", MathHints::assertLtFelt);
    table.put("SPLIT_INT_ASSERT_RANGE", MathHints::splitIntAssertRange);
    table.put("SPLIT_INT", MathHints::splitInt);
    table.put("SPLIT_64", MathHints::split64);
    table.put("SPLIT_FELT", MathHints::splitFelt);
    table.put("SQRT", MathHints::sqrt);
    table.put("UNSIGNED_DIV_REM", MathHints::unsignedDivRem);
    table.put("SIGNED_DIV_REM", MathHints::signedDivRem);
    table.put("ASSERT_250_BITS", MathHints::assert250Bits);
    table.put(
        "POW",
        ctx -> {
          Object exp = ctx.member("prev_locs", "exp");
          if (!(exp instanceof Felt f)) {
            throw new HintException("pow: prev_locs.exp is a pointer");
          }
          ctx.setMember("locs", "bit", f.toBigInteger().testBit(0) ? 1L : 0L);
        });
  }

  static void writeAp(HintContext ctx, long v) {
    ctx.memory().insert(ctx.ap(), Felt.of(v));
  }

  private static void assertNn(HintContext ctx) {
    BigInteger a = ctx.integer("a");
    if (a.compareTo(RC_BOUND) >= 0) {
      throw new HintException("assert_nn: a = " + a + " is out of range");
    }
  }

  private static void assertNotZero(HintContext ctx) {
    if (ctx.felt("value").isZero()) {
      throw new HintException("assert_not_zero failed: value = 0");
    }
  }

  private static void assertNotEqual(HintContext ctx) {
    Object a = ctx.value("a");
    Object b = ctx.value("b");
    boolean comparable =
        (a instanceof Felt && b instanceof Felt)
            || (a instanceof Relocatable ra
                && b instanceof Relocatable rb
                && ra.segment() == rb.segment());
    if (!comparable) {
      throw new HintException("assert_not_equal failed: non-comparable values: " + a + ", " + b);
    }
    if (a.equals(b)) {
      throw new HintException("assert_not_equal failed: " + a + " = " + b);
    }
  }

  private static void isPositive(HintContext ctx) {
    BigInteger v = ctx.signed("value");
    if (v.abs().compareTo(RC_BOUND) >= 0) {
      throw new HintException("is_positive: value " + v + " is out of range");
    }
    ctx.set("is_positive", v.signum() > 0 ? 1L : 0L);
  }

  private static void assertLtFelt(HintContext ctx) {
    BigInteger a = ctx.integer("a");
    BigInteger b = ctx.integer("b");
    if (a.compareTo(b) >= 0) {
      throw new HintException("a = " + a + " is not less than b = " + b);
    }
  }

  private static void splitIntAssertRange(HintContext ctx) {
    if (!ctx.felt("value").isZero()) {
      throw new HintException("split_int(): value is out of range");
    }
  }

  private static void splitInt(HintContext ctx) {
    BigInteger res = ctx.integer("value").mod(ctx.integer("base"));
    if (res.compareTo(ctx.integer("bound")) >= 0) {
      throw new HintException("split_int(): limb " + res + " is out of range");
    }
    ctx.memory().insert(ctx.pointer("output"), Felt.of(res));
  }

  private static void split64(HintContext ctx) {
    BigInteger a = ctx.integer("a");
    ctx.set("low", a.and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)));
    ctx.set("high", a.shiftRight(64));
  }

  private static void splitFelt(HintContext ctx) {
    BigInteger maxHigh = ctx.integer("MAX_HIGH");
    BigInteger maxLow = ctx.integer("MAX_LOW");
    if (maxHigh.compareTo(RC_BOUND) >= 0
        || maxLow.compareTo(RC_BOUND) >= 0
        || !P.subtract(BigInteger.ONE).equals(maxHigh.shiftLeft(128).add(maxLow))) {
      throw new HintException("split_felt: MAX_HIGH and MAX_LOW do not describe P - 1");
    }
    BigInteger v = ctx.integer("value");
    ctx.set("low", v.and(TWO_128_MASK));
    ctx.set("high", v.shiftRight(128));
  }

  private static void sqrt(HintContext ctx) {
    BigInteger v = ctx.integer("value");
    if (v.bitLength() > 250) {
      throw new HintException("sqrt: value=" + v + " is outside of the range [0, 2**250)");
    }
    ctx.set("root", v.sqrt());
  }

  private static void unsignedDivRem(HintContext ctx) {
    BigInteger div = ctx.integer("div");
    if (div.signum() <= 0 || div.compareTo(P.divide(RC_BOUND)) > 0) {
      throw new HintException(
          "unsigned_div_rem: div=0x" + div.toString(16) + " is out of the valid range");
    }
    BigInteger[] qr = ctx.integer("value").divideAndRemainder(div);
    ctx.set("q", qr[0]);
    ctx.set("r", qr[1]);
  }

  private static void signedDivRem(HintContext ctx) {
    BigInteger div = ctx.integer("div");
    if (div.signum() <= 0 || div.compareTo(P.divide(RC_BOUND)) > 0) {
      throw new HintException(
          "signed_div_rem: div=0x" + div.toString(16) + " is out of the valid range");
    }
    BigInteger bound = ctx.integer("bound");
    if (bound.compareTo(RC_BOUND.shiftRight(1)) > 0) {
      throw new HintException(
          "signed_div_rem: bound=0x" + bound.toString(16) + " is out of the valid range");
    }
    BigInteger value = ctx.signed("value");
    // Python divmod: floor division, remainder with the divisor's sign (div > 0).
    BigInteger[] qr = value.divideAndRemainder(div);
    BigInteger q = qr[0];
    BigInteger r = qr[1];
    if (r.signum() < 0) {
      r = r.add(div);
      q = q.subtract(BigInteger.ONE);
    }
    if (q.compareTo(bound.negate()) < 0 || q.compareTo(bound) >= 0) {
      throw new HintException(
          "signed_div_rem: " + value + " / " + div + " = " + q + " is out of range");
    }
    ctx.set("r", r);
    ctx.set("biased_q", q.add(bound));
  }

  private static void assert250Bits(HintContext ctx) {
    BigInteger value = Arithmetic.asInt(ctx.felt("value")).mod(P);
    if (value.compareTo(ctx.integer("UPPER_BOUND")) >= 0) {
      throw new HintException(value + " is outside of the range [0, 2**250)");
    }
    BigInteger[] qr = ctx.integer("value").divideAndRemainder(ctx.integer("SHIFT"));
    ctx.set("high", qr[0]);
    ctx.set("low", qr[1]);
  }
}
