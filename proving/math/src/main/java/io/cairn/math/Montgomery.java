package io.cairn.math;

import java.math.BigInteger;

/**
 * Montgomery arithmetic on raw little-endian 4×64-bit limbs for the Stark252 prime p = 2^251 +
 * 17·2^192 + 1, with R = 2^256.
 *
 * <p>Every routine takes and produces fully reduced values (limbs of a number below p). The kernels
 * exploit the shape of p: its low limb is 1 and its two middle limbs are 0, so the Montgomery
 * factor for a limb is just its negation and each reduction round costs one 64×64-bit product.
 * These are the hot paths of the prover: no allocation, no {@link BigInteger}.
 */
final class Montgomery {
  /** Limbs of p, little-endian. */
  static final long P0 = 1L, P1 = 0L, P2 = 0L, P3 = 0x0800000000000011L;

  static final BigInteger MODULUS =
      BigInteger.ONE.shiftLeft(251).add(BigInteger.valueOf(17).shiftLeft(192)).add(BigInteger.ONE);

  /** R^2 mod p, used to enter Montgomery form. */
  static final long[] R2 = toLimbs(BigInteger.ONE.shiftLeft(512).mod(MODULUS));

  /** R mod p: the Montgomery form of one. */
  static final long[] R1 = toLimbs(BigInteger.ONE.shiftLeft(256).mod(MODULUS));

  private Montgomery() {}

  /** Writes the Montgomery product a·b·R^-1 mod p into {@code r[o..o+3]}. */
  static void mul(
      long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3, long[] r, int o) {
    long lo;
    long hi;
    long s;
    long c;
    long m;
    long x;
    long pc = 0;
    long t0 = a0 * b0;
    long h = Math.unsignedMultiplyHigh(a0, b0);
    lo = a1 * b0;
    long t1 = lo + h;
    h = Math.unsignedMultiplyHigh(a1, b0) + (Long.compareUnsigned(t1, lo) < 0 ? 1 : 0);
    lo = a2 * b0;
    long t2 = lo + h;
    h = Math.unsignedMultiplyHigh(a2, b0) + (Long.compareUnsigned(t2, lo) < 0 ? 1 : 0);
    lo = a3 * b0;
    long t3 = lo + h;
    h = Math.unsignedMultiplyHigh(a3, b0) + (Long.compareUnsigned(t3, lo) < 0 ? 1 : 0);
    long t4 = h;
    lo = a0 * b1;
    hi = Math.unsignedMultiplyHigh(a0, b1);
    t1 += lo;
    h = hi + (Long.compareUnsigned(t1, lo) < 0 ? 1 : 0);
    lo = a1 * b1;
    hi = Math.unsignedMultiplyHigh(a1, b1);
    s = t2 + lo;
    c = Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t2 = s + h;
    h = hi + c + (Long.compareUnsigned(t2, h) < 0 ? 1 : 0);
    lo = a2 * b1;
    hi = Math.unsignedMultiplyHigh(a2, b1);
    s = t3 + lo;
    c = Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t3 = s + h;
    h = hi + c + (Long.compareUnsigned(t3, h) < 0 ? 1 : 0);
    lo = a3 * b1;
    hi = Math.unsignedMultiplyHigh(a3, b1);
    s = t4 + lo;
    c = Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t4 = s + h;
    h = hi + c + (Long.compareUnsigned(t4, h) < 0 ? 1 : 0);
    long t5 = h;
    lo = a0 * b2;
    hi = Math.unsignedMultiplyHigh(a0, b2);
    t2 += lo;
    h = hi + (Long.compareUnsigned(t2, lo) < 0 ? 1 : 0);
    lo = a1 * b2;
    hi = Math.unsignedMultiplyHigh(a1, b2);
    s = t3 + lo;
    c = Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t3 = s + h;
    h = hi + c + (Long.compareUnsigned(t3, h) < 0 ? 1 : 0);
    lo = a2 * b2;
    hi = Math.unsignedMultiplyHigh(a2, b2);
    s = t4 + lo;
    c = Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t4 = s + h;
    h = hi + c + (Long.compareUnsigned(t4, h) < 0 ? 1 : 0);
    lo = a3 * b2;
    hi = Math.unsignedMultiplyHigh(a3, b2);
    s = t5 + lo;
    c = Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t5 = s + h;
    h = hi + c + (Long.compareUnsigned(t5, h) < 0 ? 1 : 0);
    long t6 = h;
    lo = a0 * b3;
    hi = Math.unsignedMultiplyHigh(a0, b3);
    t3 += lo;
    h = hi + (Long.compareUnsigned(t3, lo) < 0 ? 1 : 0);
    lo = a1 * b3;
    hi = Math.unsignedMultiplyHigh(a1, b3);
    s = t4 + lo;
    c = Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t4 = s + h;
    h = hi + c + (Long.compareUnsigned(t4, h) < 0 ? 1 : 0);
    lo = a2 * b3;
    hi = Math.unsignedMultiplyHigh(a2, b3);
    s = t5 + lo;
    c = Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t5 = s + h;
    h = hi + c + (Long.compareUnsigned(t5, h) < 0 ? 1 : 0);
    lo = a3 * b3;
    hi = Math.unsignedMultiplyHigh(a3, b3);
    s = t6 + lo;
    c = Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t6 = s + h;
    h = hi + c + (Long.compareUnsigned(t6, h) < 0 ? 1 : 0);
    long t7 = h;
    // reduction round 0: add m*p at limb 0, m = -t0 (since p = 1 mod 2^64)
    m = -t0;
    c = (t0 | m) >>> 63;
    t1 += c;
    c = Long.compareUnsigned(t1, c) < 0 ? 1 : 0;
    t2 += c;
    c = Long.compareUnsigned(t2, c) < 0 ? 1 : 0;
    lo = m * P3;
    hi = Math.unsignedMultiplyHigh(m, P3);
    s = t3 + c;
    c = Long.compareUnsigned(s, c) < 0 ? 1 : 0;
    t3 = s + lo;
    c += Long.compareUnsigned(t3, lo) < 0 ? 1 : 0;
    x = hi + c + pc;
    t4 += x;
    pc = Long.compareUnsigned(t4, x) < 0 ? 1 : 0;
    // reduction round 1: add m*p at limb 1, m = -t1 (since p = 1 mod 2^64)
    m = -t1;
    c = (t1 | m) >>> 63;
    t2 += c;
    c = Long.compareUnsigned(t2, c) < 0 ? 1 : 0;
    t3 += c;
    c = Long.compareUnsigned(t3, c) < 0 ? 1 : 0;
    lo = m * P3;
    hi = Math.unsignedMultiplyHigh(m, P3);
    s = t4 + c;
    c = Long.compareUnsigned(s, c) < 0 ? 1 : 0;
    t4 = s + lo;
    c += Long.compareUnsigned(t4, lo) < 0 ? 1 : 0;
    x = hi + c + pc;
    t5 += x;
    pc = Long.compareUnsigned(t5, x) < 0 ? 1 : 0;
    // reduction round 2: add m*p at limb 2, m = -t2 (since p = 1 mod 2^64)
    m = -t2;
    c = (t2 | m) >>> 63;
    t3 += c;
    c = Long.compareUnsigned(t3, c) < 0 ? 1 : 0;
    t4 += c;
    c = Long.compareUnsigned(t4, c) < 0 ? 1 : 0;
    lo = m * P3;
    hi = Math.unsignedMultiplyHigh(m, P3);
    s = t5 + c;
    c = Long.compareUnsigned(s, c) < 0 ? 1 : 0;
    t5 = s + lo;
    c += Long.compareUnsigned(t5, lo) < 0 ? 1 : 0;
    x = hi + c + pc;
    t6 += x;
    pc = Long.compareUnsigned(t6, x) < 0 ? 1 : 0;
    // reduction round 3: add m*p at limb 3, m = -t3 (since p = 1 mod 2^64)
    m = -t3;
    c = (t3 | m) >>> 63;
    t4 += c;
    c = Long.compareUnsigned(t4, c) < 0 ? 1 : 0;
    t5 += c;
    c = Long.compareUnsigned(t5, c) < 0 ? 1 : 0;
    lo = m * P3;
    hi = Math.unsignedMultiplyHigh(m, P3);
    s = t6 + c;
    c = Long.compareUnsigned(s, c) < 0 ? 1 : 0;
    t6 = s + lo;
    c += Long.compareUnsigned(t6, lo) < 0 ? 1 : 0;
    x = hi + c + pc;
    t7 += x;
    pc = Long.compareUnsigned(t7, x) < 0 ? 1 : 0;
    reduceOnce(t4, t5, t6, t7, r, o);
  }

  /** Writes t mod p into {@code r[o..o+3]}, given t < 2p. */
  static void reduceOnce(long t0, long t1, long t2, long t3, long[] r, int o) {
    long d0 = t0 - P0;
    long b = Long.compareUnsigned(t0, P0) < 0 ? 1 : 0;
    long d1 = t1 - b;
    b = Long.compareUnsigned(t1, b) < 0 ? 1 : 0;
    long d2 = t2 - b;
    b = Long.compareUnsigned(t2, b) < 0 ? 1 : 0;
    long d3 = t3 - P3 - b;
    boolean less = Long.compareUnsigned(t3, P3 + b) < 0;
    if (less) {
      r[o] = t0;
      r[o + 1] = t1;
      r[o + 2] = t2;
      r[o + 3] = t3;
    } else {
      r[o] = d0;
      r[o + 1] = d1;
      r[o + 2] = d2;
      r[o + 3] = d3;
    }
  }

  /** Writes (a + b) mod p into {@code r[o..o+3]}. */
  static void add(
      long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3, long[] r, int o) {
    long s0 = a0 + b0;
    long c = Long.compareUnsigned(s0, a0) < 0 ? 1 : 0;
    long s1 = a1 + b1;
    long c1 = Long.compareUnsigned(s1, a1) < 0 ? 1 : 0;
    s1 += c;
    c = c1 + (Long.compareUnsigned(s1, c) < 0 ? 1 : 0);
    long s2 = a2 + b2;
    long c2 = Long.compareUnsigned(s2, a2) < 0 ? 1 : 0;
    s2 += c;
    c = c2 + (Long.compareUnsigned(s2, c) < 0 ? 1 : 0);
    long s3 = a3 + b3 + c; // a3, b3 < 2^60: no overflow
    reduceOnce(s0, s1, s2, s3, r, o);
  }

  /** Writes (a - b) mod p into {@code r[o..o+3]}. */
  static void sub(
      long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3, long[] r, int o) {
    long d0 = a0 - b0;
    long bw = Long.compareUnsigned(a0, b0) < 0 ? 1 : 0;
    long d1 = a1 - b1 - bw;
    bw = (Long.compareUnsigned(a1, b1) < 0 || (a1 == b1 && bw != 0)) ? 1 : 0;
    long d2 = a2 - b2 - bw;
    bw = (Long.compareUnsigned(a2, b2) < 0 || (a2 == b2 && bw != 0)) ? 1 : 0;
    long d3 = a3 - b3 - bw;
    bw = (Long.compareUnsigned(a3, b3) < 0 || (a3 == b3 && bw != 0)) ? 1 : 0;
    if (bw != 0) {
      // add p back: the sum wraps modulo 2^256 to the right value
      d0 += P0;
      long c = d0 == 0 ? 1 : 0;
      d1 += c;
      c = (c != 0 && d1 == 0) ? 1 : 0;
      d2 += c;
      c = (c != 0 && d2 == 0) ? 1 : 0;
      d3 += P3 + c;
    }
    r[o] = d0;
    r[o + 1] = d1;
    r[o + 2] = d2;
    r[o + 3] = d3;
  }

  /** Returns whether the limbs denote a number below p (a canonical value). */
  static boolean isCanonical(long c0, long c1, long c2, long c3) {
    if (c3 != P3) {
      return Long.compareUnsigned(c3, P3) < 0;
    }
    // c3 == P3: below p only if c2 == c1 == 0 and c0 == 0
    return c2 == 0 && c1 == 0 && c0 == 0;
  }

  /** Returns the little-endian limbs of 0 ≤ v < 2^256. */
  static long[] toLimbs(BigInteger v) {
    long[] l = new long[4];
    for (int i = 0; i < 4; i++) {
      l[i] = v.shiftRight(64 * i).longValue();
    }
    return l;
  }

  /** Returns the non-negative number the little-endian limbs denote. */
  static BigInteger fromLimbs(long c0, long c1, long c2, long c3) {
    byte[] be = new byte[33];
    long[] l = {c0, c1, c2, c3};
    for (int i = 0; i < 4; i++) {
      for (int k = 0; k < 8; k++) {
        be[32 - 8 * i - k] = (byte) (l[i] >>> (8 * k));
      }
    }
    return new BigInteger(be);
  }
}
