package io.cairn.math;

import java.util.Arrays;

/**
 * A fixed-length mutable vector of field elements stored as packed Montgomery limbs: the storage of
 * trace columns, evaluation domains and polynomial coefficients in the prover.
 *
 * <p>Element i occupies {@code limbs()[4i .. 4i+3]}, little-endian limbs of x·2^256 mod p, always
 * fully reduced. That costs 32 bytes per element against about 80 for a {@code Felt[]}, and lets
 * the bulk kernels below run without allocating.
 *
 * <p>At most 2^28 elements (a Java array holds fewer than 2^31 limbs). Not thread-safe; kernels
 * that use several cores do so internally on disjoint ranges.
 */
public final class FeltVector {
  /** Limbs per element in {@link #limbs()}. */
  public static final int LIMBS = 4;

  private final long[] limbs;

  /** Creates a vector of {@code length} zeros. */
  public FeltVector(int length) {
    if (length < 0) {
      throw new IllegalArgumentException("negative length: " + length);
    }
    this.limbs = new long[Math.multiplyExact(length, LIMBS)];
  }

  private FeltVector(long[] limbs) {
    this.limbs = limbs;
  }

  /** Returns a vector holding the given elements. */
  public static FeltVector of(Felt... xs) {
    return fromArray(xs);
  }

  /** Returns a vector holding the given elements. */
  public static FeltVector fromArray(Felt[] xs) {
    FeltVector v = new FeltVector(xs.length);
    for (int i = 0; i < xs.length; i++) {
      v.set(i, xs[i]);
    }
    return v;
  }

  /**
   * Wraps a limb array without copying (see {@link #limbs()} for the layout); every element must be
   * a fully reduced Montgomery value.
   *
   * @throws IllegalArgumentException if the array length is not a multiple of 4
   */
  public static FeltVector wrapLimbs(long[] limbs) {
    if (limbs.length % LIMBS != 0) {
      throw new IllegalArgumentException("limb array length " + limbs.length + " is not 4·n");
    }
    return new FeltVector(limbs);
  }

  /** Returns {@code base^0, base^1, ..., base^(n-1)}. */
  public static FeltVector powers(Felt base, int n) {
    FeltVector v = new FeltVector(n);
    Felt x = Felt.ONE;
    for (int i = 0; i < n; i++) {
      v.set(i, x);
      x = x.mul(base);
    }
    return v;
  }

  public int length() {
    return limbs.length / LIMBS;
  }

  public Felt get(int i) {
    return Felt.fromMontgomery(limbs, checkIndex(i));
  }

  public void set(int i, Felt v) {
    int o = checkIndex(i);
    limbs[o] = v.l0;
    limbs[o + 1] = v.l1;
    limbs[o + 2] = v.l2;
    limbs[o + 3] = v.l3;
  }

  private int checkIndex(int i) {
    if (i < 0 || i >= length()) {
      throw new IndexOutOfBoundsException("index " + i + " out of length " + length());
    }
    return i * LIMBS;
  }

  /**
   * The backing array, shared (not copied): element i is {@code [4i..4i+3]}, little-endian limbs of
   * its Montgomery form x·2^256 mod p. For hot loops in other modules, which must write only fully
   * reduced values (for example limbs read from another vector).
   */
  public long[] limbs() {
    return limbs;
  }

  public FeltVector copy() {
    return new FeltVector(limbs.clone());
  }

  /** Returns a copy truncated or padded with zeros to {@code newLength}. */
  public FeltVector copyWithLength(int newLength) {
    return new FeltVector(Arrays.copyOf(limbs, Math.multiplyExact(newLength, LIMBS)));
  }

  /** Returns a copy of elements {@code [from, to)}. */
  public FeltVector copyOfRange(int from, int to) {
    return new FeltVector(Arrays.copyOfRange(limbs, from * LIMBS, to * LIMBS));
  }

  public Felt[] toArray() {
    Felt[] out = new Felt[length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Felt.fromMontgomery(limbs, i * LIMBS);
    }
    return out;
  }

  /** Sets every element to {@code v}. */
  public void fill(Felt v) {
    for (int o = 0; o < limbs.length; o += LIMBS) {
      limbs[o] = v.l0;
      limbs[o + 1] = v.l1;
      limbs[o + 2] = v.l2;
      limbs[o + 3] = v.l3;
    }
  }

  // ---------------------------------------------------------------- in-place kernels

  /** this[i] ← this[i] · c for every i. */
  public void mulBy(Felt c) {
    long[] a = limbs;
    for (int o = 0; o < a.length; o += LIMBS) {
      Montgomery.mul(a[o], a[o + 1], a[o + 2], a[o + 3], c.l0, c.l1, c.l2, c.l3, a, o);
    }
  }

  /** this[i] ← this[i] + other[i] for every i. */
  public void addInPlace(FeltVector other) {
    long[] a = limbs;
    long[] b = sameLength(other).limbs;
    for (int o = 0; o < a.length; o += LIMBS) {
      Montgomery.add(a[o], a[o + 1], a[o + 2], a[o + 3], b[o], b[o + 1], b[o + 2], b[o + 3], a, o);
    }
  }

  /** this[i] ← this[i] − other[i] for every i. */
  public void subInPlace(FeltVector other) {
    long[] a = limbs;
    long[] b = sameLength(other).limbs;
    for (int o = 0; o < a.length; o += LIMBS) {
      Montgomery.sub(a[o], a[o + 1], a[o + 2], a[o + 3], b[o], b[o + 1], b[o + 2], b[o + 3], a, o);
    }
  }

  /** this[i] ← this[i] · other[i] for every i. */
  public void mulInPlace(FeltVector other) {
    long[] a = limbs;
    long[] b = sameLength(other).limbs;
    for (int o = 0; o < a.length; o += LIMBS) {
      Montgomery.mul(a[o], a[o + 1], a[o + 2], a[o + 3], b[o], b[o + 1], b[o + 2], b[o + 3], a, o);
    }
  }

  /** this[i] ← this[i] + c · other[i] for every i (an axpy, as in random linear combinations). */
  public void addScaled(Felt c, FeltVector other) {
    long[] a = limbs;
    long[] b = sameLength(other).limbs;
    long[] t = new long[LIMBS];
    for (int o = 0; o < a.length; o += LIMBS) {
      Montgomery.mul(b[o], b[o + 1], b[o + 2], b[o + 3], c.l0, c.l1, c.l2, c.l3, t, 0);
      Montgomery.add(a[o], a[o + 1], a[o + 2], a[o + 3], t[0], t[1], t[2], t[3], a, o);
    }
  }

  /** this[i] ← this[i] · base^i for every i (moves coefficients onto a coset). */
  public void mulByPowers(Felt base) {
    mulByPowers(Felt.ONE, base, length());
  }

  /** this[i] ← this[i] · start · base^i for i &lt; count; later elements are left alone. */
  void mulByPowers(Felt start, Felt base, int count) {
    long[] a = limbs;
    long[] x = {start.l0, start.l1, start.l2, start.l3};
    for (int o = 0; o < count * LIMBS; o += LIMBS) {
      Montgomery.mul(a[o], a[o + 1], a[o + 2], a[o + 3], x[0], x[1], x[2], x[3], a, o);
      Montgomery.mul(x[0], x[1], x[2], x[3], base.l0, base.l1, base.l2, base.l3, x, 0);
    }
  }

  /**
   * Replaces every element by its inverse, with one field inversion (Montgomery's trick).
   *
   * @throws ArithmeticException if any element is zero (the vector is then unchanged)
   */
  public void invertInPlace() {
    int n = length();
    if (n == 0) {
      return;
    }
    long[] a = limbs;
    long[] prefix = new long[a.length];
    long[] acc = {Montgomery.R1[0], Montgomery.R1[1], Montgomery.R1[2], Montgomery.R1[3]};
    for (int o = 0; o < a.length; o += LIMBS) {
      if ((a[o] | a[o + 1] | a[o + 2] | a[o + 3]) == 0) {
        throw new ArithmeticException("zero has no inverse (element " + o / LIMBS + ")");
      }
      System.arraycopy(acc, 0, prefix, o, LIMBS);
      Montgomery.mul(acc[0], acc[1], acc[2], acc[3], a[o], a[o + 1], a[o + 2], a[o + 3], acc, 0);
    }
    Felt inv = Felt.fromMontgomery(acc, 0).inverse();
    long[] r = {inv.l0, inv.l1, inv.l2, inv.l3};
    for (int o = a.length - LIMBS; o >= 0; o -= LIMBS) {
      long x0 = a[o];
      long x1 = a[o + 1];
      long x2 = a[o + 2];
      long x3 = a[o + 3];
      Montgomery.mul(
          prefix[o], prefix[o + 1], prefix[o + 2], prefix[o + 3], r[0], r[1], r[2], r[3], a, o);
      Montgomery.mul(r[0], r[1], r[2], r[3], x0, x1, x2, x3, r, 0);
    }
  }

  /**
   * Returns the value at x of the polynomial whose coefficients, low to high, are this vector's
   * elements (Horner's rule, no allocation per element).
   */
  public Felt evaluateAsPolynomial(Felt x) {
    long[] a = limbs;
    long[] acc = new long[LIMBS];
    for (int o = a.length - LIMBS; o >= 0; o -= LIMBS) {
      Montgomery.mul(acc[0], acc[1], acc[2], acc[3], x.l0, x.l1, x.l2, x.l3, acc, 0);
      Montgomery.add(acc[0], acc[1], acc[2], acc[3], a[o], a[o + 1], a[o + 2], a[o + 3], acc, 0);
    }
    return Felt.fromMontgomery(acc, 0);
  }

  /** Permutes the elements into bit-reversed index order; the length must be a power of two. */
  public void bitReversePermute() {
    int n = length();
    requirePowerOfTwo(n);
    if (n <= 2) {
      return;
    }
    int shift = Integer.numberOfLeadingZeros(n) + 1;
    long[] a = limbs;
    for (int i = 0; i < n; i++) {
      int j = Integer.reverse(i) >>> shift;
      if (i < j) {
        int oi = i * LIMBS;
        int oj = j * LIMBS;
        for (int k = 0; k < LIMBS; k++) {
          long t = a[oi + k];
          a[oi + k] = a[oj + k];
          a[oj + k] = t;
        }
      }
    }
  }

  static void requirePowerOfTwo(int n) {
    if (n <= 0 || Integer.bitCount(n) != 1) {
      throw new IllegalArgumentException("length " + n + " is not a power of two");
    }
  }

  private FeltVector sameLength(FeltVector other) {
    if (other.limbs.length != limbs.length) {
      throw new IllegalArgumentException("length mismatch: " + length() + " and " + other.length());
    }
    return other;
  }

  // ---------------------------------------------------------------- identity

  @Override
  public boolean equals(Object o) {
    return o instanceof FeltVector v && Arrays.equals(v.limbs, limbs);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(limbs);
  }

  /** Returns the elements in decimal, as {@code [a, b, ...]} (long vectors are elided). */
  @Override
  public String toString() {
    int n = length();
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < Math.min(n, 8); i++) {
      sb.append(i == 0 ? "" : ", ").append(get(i));
    }
    return sb.append(n > 8 ? ", ... (" + n + " elements)]" : "]").toString();
  }
}
