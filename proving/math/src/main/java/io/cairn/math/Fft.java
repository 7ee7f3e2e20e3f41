package io.cairn.math;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Radix-2 fast Fourier transforms over the two-adic subgroups of the Stark252 field and their
 * cosets; inputs and outputs are in natural order.
 *
 * <p>The evaluation domain of size n is ⟨ω_n⟩ = {ω_n^0, ..., ω_n^(n−1)} with ω_n = {@link
 * Felt#rootOfUnity}(log n); a coset is offset·⟨ω_n⟩. The transform is iterative Cooley–Tukey
 * (decimation in time): first all butterfly stages inside cache-sized blocks, then the wide stages
 * over the whole vector. The inverse transform is the forward one read at indices −i mod n, then
 * scaled by 1/n, so both directions share one table of twiddle factors. Sizes from 2^{@value
 * #PARALLEL_LOG_SIZE} on spread the work over the common fork-join pool; smaller ones run on the
 * calling thread.
 */
public final class Fft {
  /** log2 of the smallest size transformed on several threads. */
  static final int PARALLEL_LOG_SIZE = 14;

  /** log2 of the block whose stages run together (2^14 elements = 512 KiB of limbs, in L2). */
  private static final int LOG_BLOCK = 14;

  private Fft() {}

  /**
   * In place, replaces the coefficients c_0..c_(n−1) of a polynomial by its evaluations at ω_n^i, i
   * &lt; n.
   *
   * @throws IllegalArgumentException if the length is not a power of two
   */
  public static void fft(FeltVector values) {
    transform(values, false);
  }

  /**
   * In place, replaces evaluations at ω_n^i by the coefficients of the interpolating polynomial of
   * degree &lt; n; the inverse of {@link #fft}.
   *
   * @throws IllegalArgumentException if the length is not a power of two
   */
  public static void ifft(FeltVector values) {
    transform(values, true);
    values.mulBy(Felt.of(values.length()).inverse());
  }

  /**
   * Returns the evaluations of the polynomial with the given coefficients at offset·ω_d^i, i &lt;
   * d, where d = domainSize. With a non-trivial offset and domainSize = blowup·(trace length) this
   * is the low-degree extension onto a coset.
   *
   * @throws IllegalArgumentException unless domainSize is a power of two ≥ coeffs.length()
   */
  public static FeltVector evaluateOnCoset(FeltVector coeffs, Felt offset, int domainSize) {
    FeltVector.requirePowerOfTwo(domainSize);
    if (coeffs.length() > domainSize) {
      throw new IllegalArgumentException(
          coeffs.length() + " coefficients do not fit a domain of size " + domainSize);
    }
    FeltVector v = coeffs.copyWithLength(domainSize);
    if (!offset.isOne()) {
      v.mulByPowers(Felt.ONE, offset, coeffs.length()); // the padding stays zero
    }
    fft(v);
    return v;
  }

  /**
   * Returns the coefficients of the polynomial of degree &lt; n taking the given values at
   * offset·ω_n^i, i &lt; n = evals.length(); the inverse of {@link #evaluateOnCoset} with
   * domainSize = n.
   *
   * @throws IllegalArgumentException if the length is not a power of two
   * @throws ArithmeticException if the offset is zero
   */
  public static FeltVector interpolateFromCoset(FeltVector evals, Felt offset) {
    FeltVector v = evals.copy();
    transform(v, true);
    // the 1/n of the inverse transform and the offset^-i of the coset, in one pass
    v.mulByPowers(Felt.of(v.length()).inverse(), offset.inverse(), v.length());
    return v;
  }

  /**
   * Extends evaluations on the subgroup ⟨ω_n⟩ to evaluations of the same polynomial on
   * offset·⟨ω_(n·blowup)⟩: interpolation followed by {@link #evaluateOnCoset}.
   *
   * @throws IllegalArgumentException unless n and blowup are powers of two
   */
  public static FeltVector lowDegreeExtension(FeltVector evals, Felt offset, int blowup) {
    FeltVector.requirePowerOfTwo(blowup);
    FeltVector coeffs = interpolateFromCoset(evals, Felt.ONE);
    return evaluateOnCoset(coeffs, offset, Math.multiplyExact(evals.length(), blowup));
  }

  /**
   * Returns the values of the polynomial with the given coefficients at offset·ω_n^k for the given
   * k only, n = coeffs.length(): element i is {@code evaluateOnCoset(coeffs, offset, n).get(k_i)}.
   * A decimation-in-frequency transform that follows only the branches leading to wanted outputs:
   * n/2 butterflies per level while every branch is wanted, then fewer, so m outputs cost about
   * (n/2)·(log2 m + 2) multiplications instead of the (n/2)·log2 n of the whole transform.
   *
   * @throws IllegalArgumentException if the length is not a power of two or an index is out of
   *     range
   */
  public static Felt[] evaluateOnCosetAt(FeltVector coeffs, Felt offset, int[] indices) {
    int n = coeffs.length();
    FeltVector.requirePowerOfTwo(n);
    for (int k : indices) {
      if (k < 0 || k >= n) {
        throw new IllegalArgumentException("index " + k + " outside a domain of size " + n);
      }
    }
    FeltVector v = coeffs.copy();
    if (!offset.isOne()) {
      v.mulByPowers(Felt.ONE, offset, n);
    }
    long[] tw = Twiddles.atLeast(Integer.numberOfTrailingZeros(n)).limbs;
    int[] slots = IntStream.range(0, indices.length).toArray();
    Felt[] out = new Felt[indices.length];
    pruned(v.limbs(), n, indices.clone(), slots, tw, out);
    return out;
  }

  /**
   * Writes into {@code out[slots[i]]} the DFT of size {@code size} of {@code a} at {@code ks[i]}:
   * splits the outputs by their low bit into the DFTs of (a_i + a_(i+size/2)) and of (a_i −
   * a_(i+size/2))·ω_size^i, each of half the size, and recurses into those that are wanted.
   */
  private static void pruned(long[] a, int size, int[] ks, int[] slots, long[] tw, Felt[] out) {
    if (size == 1) {
      for (int slot : slots) {
        out[slot] = Felt.fromMontgomery(a, 0);
      }
      return;
    }
    int half = size / 2;
    for (int bit = 0; bit < 2; bit++) {
      int wanted = 0;
      for (int k : ks) {
        wanted += (k & 1) == bit ? 1 : 0;
      }
      if (wanted == 0) {
        continue;
      }
      int[] childKs = new int[wanted];
      int[] childSlots = new int[wanted];
      for (int i = 0, c = 0; i < ks.length; i++) {
        if ((ks[i] & 1) == bit) {
          childKs[c] = ks[i] >>> 1;
          childSlots[c++] = slots[i];
        }
      }
      long[] child = new long[half * FeltVector.LIMBS];
      long[] t = new long[FeltVector.LIMBS];
      for (int i = 0; i < half; i++) {
        int o0 = i * FeltVector.LIMBS;
        int o1 = (i + half) * FeltVector.LIMBS;
        if (bit == 0) {
          Montgomery.add(
              a[o0], a[o0 + 1], a[o0 + 2], a[o0 + 3], a[o1], a[o1 + 1], a[o1 + 2], a[o1 + 3], child,
              o0);
        } else {
          Montgomery.sub(
              a[o0], a[o0 + 1], a[o0 + 2], a[o0 + 3], a[o1], a[o1 + 1], a[o1 + 2], a[o1 + 3], t, 0);
          int ow = (half + i) * FeltVector.LIMBS; // ω_size^i
          Montgomery.mul(
              t[0], t[1], t[2], t[3], tw[ow], tw[ow + 1], tw[ow + 2], tw[ow + 3], child, o0);
        }
      }
      pruned(child, half, childKs, childSlots, tw, out);
    }
  }

  /** {@link #evaluateOnCoset} of several columns, in parallel over the columns. */
  public static List<FeltVector> evaluateOnCoset(
      List<FeltVector> columns, Felt offset, int domainSize) {
    return columns.parallelStream().map(c -> evaluateOnCoset(c, offset, domainSize)).toList();
  }

  /** {@link #interpolateFromCoset} of several columns, in parallel over the columns. */
  public static List<FeltVector> interpolateFromCoset(List<FeltVector> columns, Felt offset) {
    return columns.parallelStream().map(c -> interpolateFromCoset(c, offset)).toList();
  }

  /** {@link #lowDegreeExtension} of several columns, in parallel over the columns. */
  public static List<FeltVector> lowDegreeExtension(
      List<FeltVector> columns, Felt offset, int blowup) {
    return columns.parallelStream().map(c -> lowDegreeExtension(c, offset, blowup)).toList();
  }

  // ---------------------------------------------------------------- the transform

  private static void transform(FeltVector values, boolean inverse) {
    int n = values.length();
    FeltVector.requirePowerOfTwo(n);
    if (n == 1) {
      return;
    }
    int logN = Integer.numberOfTrailingZeros(n);
    long[] tw = Twiddles.atLeast(logN).limbs;
    long[] a = values.limbs();
    values.bitReversePermute();
    boolean parallel = logN >= PARALLEL_LOG_SIZE;

    // enough blocks for every thread when parallel
    int logBlock = Math.min(parallel ? logN - 3 : logN, LOG_BLOCK);
    int blockSize = 1 << logBlock;
    int blocks = n >> logBlock;
    IntStream blockRange = IntStream.range(0, blocks);
    (parallel ? blockRange.parallel() : blockRange)
        .forEach(
            b -> {
              long[] t = new long[4];
              for (int m = 1; m < blockSize; m <<= 1) {
                stage(a, tw, m, b * blockSize, (b + 1) * blockSize, t);
              }
            });

    for (int m = blockSize; m < n; m <<= 1) {
      int half = m;
      // split the n/2 butterflies of the stage into equal runs of consecutive j within blocks
      int tasks = parallel ? Math.min(64, n >> 11) : 1;
      IntStream taskRange = IntStream.range(0, tasks);
      (parallel ? taskRange.parallel() : taskRange)
          .forEach(
              task -> {
                long[] t = new long[4];
                int per = (n / 2) / tasks;
                wideStageRange(a, tw, half, task * per, (task + 1) * per, t);
              });
    }
    if (inverse) {
      // the transform with ω^-1 is the one with ω read at index −i mod n
      reverseTail(a, n);
    }
  }

  /** Swaps elements i and n − i for 0 &lt; i &lt; n/2. */
  private static void reverseTail(long[] a, int n) {
    for (int i = 1, k = n - 1; i < k; i++, k--) {
      for (int l = 0; l < 4; l++) {
        long x = a[4 * i + l];
        a[4 * i + l] = a[4 * k + l];
        a[4 * k + l] = x;
      }
    }
  }

  /** Runs the butterflies of half-width m on elements [from, to), a multiple of 2m long. */
  private static void stage(long[] a, long[] tw, int m, int from, int to, long[] t) {
    for (int s = from; s < to; s += 2 * m) {
      // ω^0 = 1: no multiplication (the whole first stage, half of the second, ...)
      unitButterfly(a, s * 4, (s + m) * 4);
      for (int j = 1; j < m; j++) {
        butterfly(a, tw, (s + j) * 4, (s + j + m) * 4, (m + j) * 4, t);
      }
    }
  }

  /** Runs butterflies with index k in [kFrom, kTo) of the stage of half-width m. */
  private static void wideStageRange(long[] a, long[] tw, int m, int kFrom, int kTo, long[] t) {
    int logM = Integer.numberOfTrailingZeros(m);
    int k = kFrom;
    while (k < kTo) {
      int j = k & (m - 1);
      int s = (k >>> logM) << (logM + 1);
      int run = Math.min(m - j, kTo - k);
      for (int r = 0; r < run; r++, j++) {
        butterfly(a, tw, (s + j) * 4, (s + j + m) * 4, (m + j) * 4, t);
      }
      k += run;
    }
  }

  /** (a[i0], a[i1]) ← (a[i0] + a[i1], a[i0] − a[i1]), offsets in limbs. */
  private static void unitButterfly(long[] a, int o0, int o1) {
    long x0 = a[o0];
    long x1 = a[o0 + 1];
    long x2 = a[o0 + 2];
    long x3 = a[o0 + 3];
    long y0 = a[o1];
    long y1 = a[o1 + 1];
    long y2 = a[o1 + 2];
    long y3 = a[o1 + 3];
    Montgomery.sub(x0, x1, x2, x3, y0, y1, y2, y3, a, o1);
    Montgomery.add(x0, x1, x2, x3, y0, y1, y2, y3, a, o0);
  }

  /** (a[i0], a[i1]) ← (a[i0] + w·a[i1], a[i0] − w·a[i1]), offsets in limbs. */
  private static void butterfly(long[] a, long[] tw, int o0, int o1, int ow, long[] t) {
    Montgomery.mul(
        a[o1], a[o1 + 1], a[o1 + 2], a[o1 + 3], tw[ow], tw[ow + 1], tw[ow + 2], tw[ow + 3], t, 0);
    long x0 = a[o0];
    long x1 = a[o0 + 1];
    long x2 = a[o0 + 2];
    long x3 = a[o0 + 3];
    Montgomery.sub(x0, x1, x2, x3, t[0], t[1], t[2], t[3], a, o1);
    Montgomery.add(x0, x1, x2, x3, t[0], t[1], t[2], t[3], a, o0);
  }
}
