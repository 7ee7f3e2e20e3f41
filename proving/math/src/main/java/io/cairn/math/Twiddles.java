package io.cairn.math;

import java.util.stream.IntStream;

/**
 * Twiddle factors for a radix-2 FFT of size n = 2^logN, laid out stage by stage: for each butterfly
 * half-width m (1, 2, ..., n/2) the m factors ω_{2m}^j, j &lt; m, sit contiguously at element
 * offset m, so each stage reads its factors sequentially. Element 0 is unused.
 *
 * <p>The most recently built table for each direction is kept, so transforming many columns of one
 * size builds it once.
 */
final class Twiddles {
  private static final int PARALLEL_CHUNK = 1 << 14;

  private static volatile Twiddles lastForward;
  private static volatile Twiddles lastInverse;

  final int logN;
  final boolean inverse;

  /** Montgomery limbs, 4 per element, n elements. */
  final long[] limbs;

  private Twiddles(int logN, boolean inverse, long[] limbs) {
    this.logN = logN;
    this.inverse = inverse;
    this.limbs = limbs;
  }

  static Twiddles forSize(int logN, boolean inverse) {
    Twiddles t = inverse ? lastInverse : lastForward;
    if (t != null && t.logN == logN) {
      return t;
    }
    t = build(logN, inverse);
    if (inverse) {
      lastInverse = t;
    } else {
      lastForward = t;
    }
    return t;
  }

  private static Twiddles build(int logN, boolean inverse) {
    int n = 1 << logN;
    long[] tw = new long[Math.max(n, 2) * FeltVector.LIMBS];
    if (n >= 2) {
      Felt w = Felt.rootOfUnity(logN);
      Felt root = inverse ? w.inverse() : w;
      int half = n / 2;
      // top stage: root^j for j < n/2 at offset n/2, computed in parallel chunks
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
      // lower stages: ω_{2m}^j = ω_{4m}^{2j}
      for (int m = half / 2; m >= 1; m /= 2) {
        for (int j = 0; j < m; j++) {
          System.arraycopy(
              tw, (2 * m + 2 * j) * FeltVector.LIMBS, tw, (m + j) * FeltVector.LIMBS, 4);
        }
      }
    }
    return new Twiddles(logN, inverse, tw);
  }
}
