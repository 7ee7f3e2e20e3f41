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

  /** Writes t mod p into {@code r[o..o+3]}, given t < 2p. Branch-free. */
  static void reduceOnce(long t0, long t1, long t2, long t3, long[] r, int o) {
    // d = t - p, with borrows (Hacker's Delight 2-16); P1 = P2 = 0
    long d0 = t0 - P0;
    long b = (~t0 & P0 | ~(t0 ^ P0) & d0) >>> 63;
    long d1 = t1 - b;
    b = (~t1 & d1) >>> 63;
    long d2 = t2 - b;
    b = (~t2 & d2) >>> 63;
    long d3 = t3 - P3 - b;
    b = (~t3 & P3 | ~(t3 ^ P3) & d3) >>> 63;
    // b = 1: t < p, keep t; b = 0: take d
    long keep = -b;
    r[o] = (t0 & keep) | (d0 & ~keep);
    r[o + 1] = (t1 & keep) | (d1 & ~keep);
    r[o + 2] = (t2 & keep) | (d2 & ~keep);
    r[o + 3] = (t3 & keep) | (d3 & ~keep);
  }

  /** Writes (a + b) mod p into {@code r[o..o+3]}. Branch-free. */
  static void add(
      long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3, long[] r, int o) {
    long s0 = a0 + b0;
    long c = (a0 & b0 | (a0 | b0) & ~s0) >>> 63;
    long s1 = a1 + b1 + c;
    c = (a1 & b1 | (a1 | b1) & ~s1) >>> 63;
    long s2 = a2 + b2 + c;
    c = (a2 & b2 | (a2 | b2) & ~s2) >>> 63;
    long s3 = a3 + b3 + c; // a3, b3 < 2^60: no overflow
    reduceOnce(s0, s1, s2, s3, r, o);
  }

  /** Writes (a - b) mod p into {@code r[o..o+3]}. Branch-free. */
  static void sub(
      long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3, long[] r, int o) {
    long d0 = a0 - b0;
    long bw = (~a0 & b0 | ~(a0 ^ b0) & d0) >>> 63;
    long d1 = a1 - b1 - bw;
    bw = (~a1 & b1 | ~(a1 ^ b1) & d1) >>> 63;
    long d2 = a2 - b2 - bw;
    bw = (~a2 & b2 | ~(a2 ^ b2) & d2) >>> 63;
    long d3 = a3 - b3 - bw;
    bw = (~a3 & b3 | ~(a3 ^ b3) & d3) >>> 63;
    // on borrow add p back (mask = all ones); the sum wraps modulo 2^256 to the right value
    long mask = -bw;
    long e0 = d0 + (P0 & mask);
    long c = (d0 & P0 & mask | (d0 | (P0 & mask)) & ~e0) >>> 63;
    long e1 = d1 + c;
    c = (d1 & ~e1) >>> 63;
    long e2 = d2 + c;
    c = (d2 & ~e2) >>> 63;
    r[o] = e0;
    r[o + 1] = e1;
    r[o + 2] = e2;
    r[o + 3] = d3 + (P3 & mask) + c;
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
