package io.cairn.cairo.vm;

import io.cairn.math.Felt;
import java.math.BigInteger;

/**
 * Cairo's arithmetic on memory values (a {@link Felt} or a {@link Relocatable}): felt ± felt, felt
 * × felt, pointer ± felt (the felt read as a signed offset), pointer − pointer in one segment.
 * Everything else is an {@link InvalidOperationException}.
 */
public final class Arithmetic {
  private static final BigInteger LONG_LIMIT = BigInteger.ONE.shiftLeft(63);

  private Arithmetic() {}

  /** a + b. */
  public static Object add(Object a, Object b) {
    if (a instanceof Felt fa) {
      if (b instanceof Felt fb) {
        return fa.add(fb);
      }
      Relocatable rb = (Relocatable) b;
      return rb.add(signedOffset(fa));
    }
    Relocatable ra = (Relocatable) a;
    if (b instanceof Felt fb) {
      return ra.add(signedOffset(fb));
    }
    throw new InvalidOperationException("cannot add two pointers: " + a + " + " + b);
  }

  /** a − b. */
  public static Object sub(Object a, Object b) {
    if (a instanceof Felt fa) {
      if (b instanceof Felt fb) {
        return fa.sub(fb);
      }
      throw new InvalidOperationException(
          "cannot subtract a pointer from a felt: " + a + " - " + b);
    }
    Relocatable ra = (Relocatable) a;
    if (b instanceof Felt fb) {
      return ra.add(-signedOffset(fb));
    }
    Relocatable rb = (Relocatable) b;
    if (ra.segment() != rb.segment()) {
      throw new InvalidOperationException(
          "cannot subtract pointers of different segments: " + a + " - " + b);
    }
    return Felt.of(ra.offset() - rb.offset());
  }

  /** a × b (felts only). */
  public static Felt mul(Object a, Object b) {
    if (a instanceof Felt fa && b instanceof Felt fb) {
      return fa.mul(fb);
    }
    throw new InvalidOperationException("cannot multiply a pointer: " + a + " * " + b);
  }

  /**
   * A felt read as a signed offset: v if v < 2^63, v − P if P − v ≤ 2^63.
   *
   * @throws InvalidOperationException if neither fits in a long
   */
  public static long signedOffset(Felt f) {
    BigInteger v = f.toBigInteger();
    if (v.compareTo(LONG_LIMIT) < 0) {
      return v.longValue();
    }
    BigInteger neg = Felt.MODULUS.subtract(v);
    if (neg.compareTo(LONG_LIMIT) <= 0) {
      return -neg.longValue();
    }
    throw new InvalidOperationException("felt is too large to be a pointer offset: " + f);
  }

  /**
   * The signed integer a felt represents: v if v ≤ P/2, else v − P (cairo-lang's {@code as_int}).
   */
  public static BigInteger asInt(Felt f) {
    BigInteger v = f.toBigInteger();
    return v.compareTo(Felt.MODULUS.shiftRight(1)) > 0 ? v.subtract(Felt.MODULUS) : v;
  }
}
