package io.cairn.math;

import java.math.BigInteger;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * An element of the Stark252 prime field, p = 2^251 + 17·2^192 + 1, the field of Cairo and of
 * Cairn's STARKs.
 *
 * <p>Immutable. Internally the value x is held in Montgomery form x·2^256 mod p over four 64-bit
 * limbs, so that {@link #mul} needs no division; this form is unique, so {@link #equals} compares
 * limbs. Every public input and output (bytes, {@link BigInteger}, strings, longs) is the canonical
 * value in [0, p).
 *
 * <p>Encodings are 32 bytes, big- or little-endian; decoding and {@link #parse} reject values at or
 * above p with a {@link NonCanonicalFeltException}, whereas {@link #of(BigInteger)} reduces.
 *
 * <p>For columns of millions of elements use {@link FeltVector}, which stores the same limbs
 * without one object per element.
 */
public final class Felt implements Comparable<Felt> {
  /** The prime p = 2^251 + 17·2^192 + 1. */
  public static final BigInteger MODULUS = Montgomery.MODULUS;

  /** The largest k such that 2^k divides p − 1. */
  public static final int TWO_ADICITY = 192;

  /** Size of an encoding in bytes. */
  public static final int BYTES = 32;

  public static final Felt ZERO = new Felt(0, 0, 0, 0);
  public static final Felt ONE =
      new Felt(Montgomery.R1[0], Montgomery.R1[1], Montgomery.R1[2], Montgomery.R1[3]);
  public static final Felt TWO = ONE.add(ONE);

  /** 3, a generator of the multiplicative group of the field. */
  public static final Felt GENERATOR = of(3);

  // Montgomery limbs, little-endian, of a value below p.
  final long l0;
  final long l1;
  final long l2;
  final long l3;

  Felt(long l0, long l1, long l2, long l3) {
    this.l0 = l0;
    this.l1 = l1;
    this.l2 = l2;
    this.l3 = l3;
  }

  static Felt fromMontgomery(long[] r, int o) {
    return new Felt(r[o], r[o + 1], r[o + 2], r[o + 3]);
  }

  /** Enters Montgomery form from canonical limbs (which must denote a value below p). */
  static Felt fromCanonical(long c0, long c1, long c2, long c3) {
    long[] r = new long[4];
    long[] k = Montgomery.R2;
    Montgomery.mul(c0, c1, c2, c3, k[0], k[1], k[2], k[3], r, 0);
    return fromMontgomery(r, 0);
  }

  /** Writes the canonical limbs (little-endian) of this value into {@code r[o..o+3]}. */
  void canonicalLimbs(long[] r, int o) {
    Montgomery.mul(l0, l1, l2, l3, 1, 0, 0, 0, r, o);
  }

  // ---------------------------------------------------------------- construction and conversion

  /** Returns v mod p; a negative v gives p − |v|. */
  public static Felt of(long v) {
    if (v >= 0) {
      return fromCanonical(v, 0, 0, 0);
    }
    // -v as an unsigned limb is |v|, including for Long.MIN_VALUE
    return fromCanonical(-v, 0, 0, 0).neg();
  }

  /** Returns v mod p; any integer is accepted, negative ones included. */
  public static Felt of(BigInteger v) {
    BigInteger r = v.mod(MODULUS);
    long[] c = Montgomery.toLimbs(r);
    return fromCanonical(c[0], c[1], c[2], c[3]);
  }

  /**
   * Returns a uniformly distributed element drawn from {@code rnd} (rejection sampling on 252-bit
   * candidates, accepted with probability about 1/2). For tests and sampling, not for secrets
   * unless {@code rnd} is a cryptographic generator.
   */
  public static Felt random(RandomGenerator rnd) {
    while (true) {
      long c0 = rnd.nextLong();
      long c1 = rnd.nextLong();
      long c2 = rnd.nextLong();
      long c3 = rnd.nextLong() >>> 4; // 252 bits; p is just above 2^251
      if (Montgomery.isCanonical(c0, c1, c2, c3)) {
        return fromCanonical(c0, c1, c2, c3);
      }
    }
  }

  /**
   * Parses a canonical value written in decimal or, with a {@code 0x} prefix, in hexadecimal;
   * surrounding whitespace is ignored.
   *
   * @throws NumberFormatException if the text is not such a number (a sign is not accepted)
   * @throws NonCanonicalFeltException if the number is p or more
   */
  public static Felt parse(String s) {
    return FeltText.parse(s);
  }

  /**
   * Decodes 32 big-endian bytes at {@code b[off..off+31]}.
   *
   * @throws NonCanonicalFeltException if they denote p or more
   */
  public static Felt fromBytesBE(byte[] b, int off) {
    return FeltBytes.decodeBE(b, off);
  }

  /**
   * Decodes 32 little-endian bytes at {@code b[off..off+31]}.
   *
   * @throws NonCanonicalFeltException if they denote p or more
   */
  public static Felt fromBytesLE(byte[] b, int off) {
    return FeltBytes.decodeLE(b, off);
  }

  /** Returns the canonical value as 32 big-endian bytes. */
  public byte[] toBytesBE() {
    byte[] b = new byte[BYTES];
    writeBytesBE(b, 0);
    return b;
  }

  /** Returns the canonical value as 32 little-endian bytes. */
  public byte[] toBytesLE() {
    byte[] b = new byte[BYTES];
    writeBytesLE(b, 0);
    return b;
  }

  /** Writes the canonical value as 32 big-endian bytes into {@code dst[off..off+31]}. */
  public void writeBytesBE(byte[] dst, int off) {
    FeltBytes.encodeBE(this, dst, off);
  }

  /** Writes the canonical value as 32 little-endian bytes into {@code dst[off..off+31]}. */
  public void writeBytesLE(byte[] dst, int off) {
    FeltBytes.encodeLE(this, dst, off);
  }

  /** Returns the canonical value in [0, p). */
  public BigInteger toBigInteger() {
    long[] c = new long[4];
    canonicalLimbs(c, 0);
    return Montgomery.fromLimbs(c[0], c[1], c[2], c[3]);
  }

  /**
   * Returns the canonical value as a long.
   *
   * @throws ArithmeticException if the canonical value is 2^63 or more
   */
  public long toLongExact() {
    long[] c = new long[4];
    canonicalLimbs(c, 0);
    if (c[1] != 0 || c[2] != 0 || c[3] != 0 || c[0] < 0) {
      throw new ArithmeticException("field element does not fit in a long: " + this);
    }
    return c[0];
  }

  /**
   * Returns the value read as a signed integer that fits a long: v if v &lt; 2^63, or v − p if p −
   * v ≤ 2^63 (so p − 1 gives −1). Without {@link BigInteger}, for pointer offsets and the like.
   *
   * @throws ArithmeticException if neither v nor v − p fits in a long
   */
  public long toSignedLongExact() {
    long[] c = new long[4];
    canonicalLimbs(c, 0);
    if ((c[1] | c[2] | c[3]) == 0 && c[0] >= 0) {
      return c[0];
    }
    long[] n = new long[4];
    Montgomery.sub(0, 0, 0, 0, c[0], c[1], c[2], c[3], n, 0); // p − v, as canonical limbs
    if ((n[1] | n[2] | n[3]) == 0 && Long.compareUnsigned(n[0], Long.MIN_VALUE) <= 0) {
      return -n[0]; // 2^63 wraps to Long.MIN_VALUE, which is −2^63
    }
    throw new ArithmeticException("field element is not a signed long: " + this);
  }

  /**
   * Returns the value read as a signed integer in (−p/2, p/2]: v if v ≤ (p − 1)/2, else v − p
   * (cairo-lang's {@code as_int}).
   */
  public BigInteger toSignedBigInteger() {
    BigInteger v = toBigInteger();
    return v.compareTo(MODULUS.shiftRight(1)) > 0 ? v.subtract(MODULUS) : v;
  }

  // ---------------------------------------------------------------- predicates

  public boolean isZero() {
    return (l0 | l1 | l2 | l3) == 0;
  }

  public boolean isOne() {
    return equals(ONE);
  }

  // ---------------------------------------------------------------- arithmetic

  /** Returns this + o. */
  public Felt add(Felt o) {
    long[] r = new long[4];
    Montgomery.add(l0, l1, l2, l3, o.l0, o.l1, o.l2, o.l3, r, 0);
    return fromMontgomery(r, 0);
  }

  /** Returns this − o. */
  public Felt sub(Felt o) {
    long[] r = new long[4];
    Montgomery.sub(l0, l1, l2, l3, o.l0, o.l1, o.l2, o.l3, r, 0);
    return fromMontgomery(r, 0);
  }

  /** Returns 2·this. */
  public Felt twice() {
    return add(this);
  }

  /** Returns −this. */
  public Felt neg() {
    return ZERO.sub(this);
  }

  /** Returns this · o. */
  public Felt mul(Felt o) {
    long[] r = new long[4];
    Montgomery.mul(l0, l1, l2, l3, o.l0, o.l1, o.l2, o.l3, r, 0);
    return fromMontgomery(r, 0);
  }

  /** Returns this². */
  public Felt square() {
    // A dedicated squaring kernel (10 limb products instead of 16) measured slower than mul on
    // HotSpot C2: its longer dependency chain costs more than the saved products.
    return mul(this);
  }

  /**
   * Returns the multiplicative inverse.
   *
   * @throws ArithmeticException if this is zero
   */
  public Felt inverse() {
    if (isZero()) {
      throw new ArithmeticException("zero has no inverse in the field");
    }
    return Inversion.inverse(this);
  }

  /**
   * Returns this / o.
   *
   * @throws ArithmeticException if o is zero
   */
  public Felt div(Felt o) {
    return mul(o.inverse());
  }

  /** Returns this^e; a negative e raises the inverse (and then throws on zero). */
  public Felt pow(long e) {
    if (e < 0) {
      // -e is 2^63 for Long.MIN_VALUE, which the unsigned scan below handles
      return inverse().powUnsigned(-e);
    }
    return powUnsigned(e);
  }

  private Felt powUnsigned(long e) {
    Felt result = ONE;
    for (int i = 63 - Long.numberOfLeadingZeros(e); i >= 0; i--) {
      result = result.square();
      if (((e >>> i) & 1) != 0) {
        result = result.mul(this);
      }
    }
    return result;
  }

  /** Returns this^e for any integer e; a negative e raises the inverse (and throws on zero). */
  public Felt pow(BigInteger e) {
    if (e.signum() < 0) {
      return inverse().pow(e.negate());
    }
    Felt result = ONE;
    for (int i = e.bitLength() - 1; i >= 0; i--) {
      result = result.square();
      if (e.testBit(i)) {
        result = result.mul(this);
      }
    }
    return result;
  }

  /**
   * Returns a square root, or empty if this is not a square. Of the two roots ±r, the one whose
   * canonical value is at most (p − 1)/2 is returned, so the answer is deterministic.
   */
  public Optional<Felt> sqrt() {
    return SquareRoot.sqrt(this);
  }

  /**
   * Returns the inverses of all elements, using one field inversion (Montgomery's trick).
   *
   * @throws ArithmeticException if any element is zero (the message names its index)
   */
  public static Felt[] batchInverse(Felt[] xs) {
    return Inversion.batchInverse(xs);
  }

  /**
   * Returns the primitive 2^logOrder-th root of unity 3^((p−1)/2^logOrder); squaring the root of
   * order 2^k gives the root of order 2^(k−1).
   *
   * @throws IllegalArgumentException unless 0 ≤ logOrder ≤ {@link #TWO_ADICITY}
   */
  public static Felt rootOfUnity(int logOrder) {
    return RootsOfUnity.primitive(logOrder);
  }

  // ---------------------------------------------------------------- identity and text

  @Override
  public boolean equals(Object o) {
    return o instanceof Felt f && f.l0 == l0 && f.l1 == l1 && f.l2 == l2 && f.l3 == l3;
  }

  @Override
  public int hashCode() {
    long h = l0 * 31 + l1;
    h = h * 31 + l2;
    h = h * 31 + l3;
    return Long.hashCode(h);
  }

  /** Orders by canonical value in [0, p). */
  @Override
  public int compareTo(Felt o) {
    long[] a = new long[4];
    long[] b = new long[4];
    canonicalLimbs(a, 0);
    o.canonicalLimbs(b, 0);
    for (int i = 3; i >= 0; i--) {
      int c = Long.compareUnsigned(a[i], b[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Returns the canonical value in decimal. */
  @Override
  public String toString() {
    return toBigInteger().toString();
  }

  /** Returns the canonical value in lower-case hexadecimal with a {@code 0x} prefix. */
  public String toHexString() {
    return "0x" + toBigInteger().toString(16);
  }
}
