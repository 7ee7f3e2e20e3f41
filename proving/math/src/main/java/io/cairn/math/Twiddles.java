package io.cairn.math;

import java.lang.ref.SoftReference;
import java.util.stream.IntStream;

/**
 * The twiddle factors of the radix-2 FFT laid out stage by stage: for each butterfly half-width m =
 * 1, 2, ..., N/2 the factors ω_(2m)^j, j &lt; m, sit contiguously at entry m + j, so every stage
 * reads them sequentially. Entry 0 is unused.
 *
 * <p>The factors of a stage do not depend on the transform size, so one table built for N serves
 * every size n ≤ N, and both directions (the inverse transform reuses the forward factors, see
 * {@link Fft}): interleaving interpolations and coset evaluations of different sizes never rebuilds
 * it. It grows to the largest size requested, costs 32·N bytes (128 MiB for N = 2^22), and is held
 * softly so that the collector may reclaim it between proofs.
 */
final class Twiddles {
  private static final int PARALLEL_CHUNK = 1 << 14;

  private static volatile SoftReference<Twiddles> shared = new SoftReference<>(null);

  /** log2 of N. */
  final int logMax;

  /** Montgomery limbs, 4 per entry, N entries. */
  final long[] limbs;

  private Twiddles(int logMax, long[] limbs) {
    this.logMax = logMax;
    this.limbs = limbs;
  }

  /** Returns a table for transforms of size up to at least 2^logN. */
  static Twiddles atLeast(int logN) {
    Twiddles t = shared.get();
    if (t != null && t.logMax >= logN) {
      return t;
    }
    synchronized (Twiddles.class) {
      t = shared.get();
      if (t == null || t.logMax < logN) {
        t = build(Math.max(logN, t == null ? 0 : t.logMax));
        shared = new SoftReference<>(t);
      }
      return t;
    }
  }

  private static Twiddles build(int logMax) {
    int n = 1 << logMax;
    long[] tw = new long[Math.max(n, 2) * FeltVector.LIMBS];
    if (n >= 2) {
      Felt root = Felt.rootOfUnity(logMax);
      int half = n / 2;
      // the top stage, ω_N^j for j < N/2 at entry N/2 + j, computed in parallel chunks
      int chunks = Math.max(1, half / PARALLEL_CHUNK);
      int per = half / chunks;
      IntStream.range(0, chunks)
          .parallel()
          .forEach(
              c -> {
                Felt x = root.pow((long) c * per);
                for (int j = c * per; j < (c + 1) * per; j++) {
                  int o = (half + j) * FeltVector.LIMBS;
                  tw[o] = x.l0;
                  tw[o + 1] = x.l1;
                  tw[o + 2] = x.l2;
                  tw[o + 3] = x.l3;
                  x = x.mul(root);
                }
              });
      // the lower stages: ω_(2m)^j = ω_(4m)^(2j)
      for (int m = half / 2; m >= 1; m /= 2) {
        for (int j = 0; j < m; j++) {
          System.arraycopy(
              tw, (2 * m + 2 * j) * FeltVector.LIMBS, tw, (m + j) * FeltVector.LIMBS, 4);
        }
      }
    }
    return new Twiddles(logMax, tw);
  }
}
