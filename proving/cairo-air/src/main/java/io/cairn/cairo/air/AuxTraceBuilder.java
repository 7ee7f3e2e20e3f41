package io.cairn.cairo.air;

import io.cairn.cairo.air.constraints.CairoChallenges;
import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Builds the aux columns from the main trace once the challenges are drawn (prover side): the
 * sorted memory (the accesses of rows 0..n−2 with the (0, 0) dummies replaced by the public cells),
 * the sorted range-checked values, and both running products. Row n−1 of the sorted columns repeats
 * the last sorted entry so that continuity holds into it.
 */
final class AuxTraceBuilder {

  private AuxTraceBuilder() {}

  static List<FeltVector> build(
      CairoColumns c, List<FeltVector> main, Felt[] challenges, List<MemoryCell> publicMemory) {
    int n = main.get(0).length();
    FeltVector[] aux = new FeltVector[c.auxWidth()];
    for (int i = 0; i < aux.length; i++) {
      aux[i] = new FeltVector(n);
    }
    buildMemory(c, main, challenges, publicMemory, aux, n);
    for (RangeCheckArgument rc : c.rangeChecks()) {
      buildRangeCheck(rc, main, challenges[CairoChallenges.RANGE_CHECK_Z], aux, n);
    }
    return List.of(aux);
  }

  /** Addresses must stay below 2^34 so that (address, index) packs into one sortable long. */
  private static final int INDEX_BITS = 29;

  private static void buildMemory(
      CairoColumns c,
      List<FeltVector> main,
      Felt[] ch,
      List<MemoryCell> publicMemory,
      FeltVector[] aux,
      int n) {
    int k = c.memorySlots();
    int total = (n - 1) * k;
    Felt z = ch[CairoChallenges.MEMORY_Z];
    Felt alpha = ch[CairoChallenges.MEMORY_ALPHA];
    FeltVector numerators = new FeltVector(total);
    long[] keys = new long[total];
    int kept = 0;
    int dummies = 0;
    for (int r = 0; r < n - 1; r++) {
      for (int j = 0; j < k; j++) {
        Felt a = main.get(c.memoryAddress(j)).get(r);
        Felt v = main.get(c.memoryValue(j)).get(r);
        int index = r * k + j;
        numerators.set(index, z.sub(a.add(alpha.mul(v))));
        if (a.isZero() && v.isZero() && dummies < publicMemory.size()) {
          dummies++;
        } else {
          keys[kept++] = pack(a.toLongExact(), index);
        }
      }
    }
    if (dummies != publicMemory.size()) {
      throw new IllegalStateException(
          "the trace has " + dummies + " dummy accesses for " + publicMemory.size() + " cells");
    }
    for (int p = 0; p < publicMemory.size(); p++) {
      keys[kept++] = pack(publicMemory.get(p).address(), total + p);
    }
    Arrays.sort(keys);
    FeltVector denominators = new FeltVector(total);
    long mask = (1L << INDEX_BITS) - 1;
    for (int i = 0; i < total; i++) {
      int index = (int) (keys[i] & mask);
      Felt a = Felt.of(keys[i] >>> INDEX_BITS);
      Felt v =
          index < total
              ? main.get(c.memoryValue(index % k)).get(index / k)
              : publicMemory.get(index - total).value();
      aux[c.sortedAddress(i % k)].set(i / k, a);
      aux[c.sortedValue(i % k)].set(i / k, v);
      denominators.set(i, z.sub(a.add(alpha.mul(v))));
    }
    for (int j = 0; j < k; j++) {
      aux[c.sortedAddress(j)].set(n - 1, aux[c.sortedAddress(k - 1)].get(n - 2));
      aux[c.sortedValue(j)].set(n - 1, aux[c.sortedValue(k - 1)].get(n - 2));
    }
    fillProduct(aux, c::memoryProduct, k, n, numerators, denominators);
  }

  private static long pack(long address, int index) {
    if (address < 0 || address >= 1L << (63 - INDEX_BITS)) {
      throw new IllegalStateException("memory address out of the provable range: " + address);
    }
    return address << INDEX_BITS | index;
  }

  private static void buildRangeCheck(
      RangeCheckArgument rc, List<FeltVector> main, Felt z, FeltVector[] aux, int n) {
    int k = rc.slots();
    int total = (n - 1) * k;
    Felt[] values = new Felt[total];
    FeltVector numerators = new FeltVector(total);
    for (int r = 0; r < n - 1; r++) {
      for (int j = 0; j < k; j++) {
        Felt v = main.get(rc.column(j)).get(r);
        values[r * k + j] = v;
        numerators.set(r * k + j, z.sub(v));
      }
    }
    Felt[] sorted = sortSmallFirst(values);
    FeltVector denominators = new FeltVector(total);
    for (int i = 0; i < total; i++) {
      aux[rc.sorted(i % k)].set(i / k, sorted[i]);
      denominators.set(i, z.sub(sorted[i]));
    }
    for (int j = 0; j < k; j++) {
      aux[rc.sorted(j)].set(n - 1, sorted[total - 1]);
    }
    fillProduct(aux, rc::product, k, n, numerators, denominators);
  }

  /**
   * Sorts by canonical value: a counting sort when every value is below 2^16 (an honest trace), a
   * comparison sort otherwise (a corrupted one, which the constraints then reject).
   */
  private static Felt[] sortSmallFirst(Felt[] values) {
    int[] counts = new int[1 << 16];
    for (Felt v : values) {
      long x;
      try {
        x = v.toLongExact();
      } catch (ArithmeticException e) {
        x = -1;
      }
      if (x < 0 || x >= counts.length) {
        Felt[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
      }
      counts[(int) x]++;
    }
    Felt[] sorted = new Felt[values.length];
    int i = 0;
    for (int value = 0; value < counts.length; value++) {
      if (counts[value] > 0) {
        Felt f = Felt.of(value);
        for (int m = 0; m < counts[value]; m++) {
          sorted[i++] = f;
        }
      }
    }
    return sorted;
  }

  /**
   * Writes the running products: slot (r, j) holds the product of num/den over all earlier slots;
   * row n−1 holds the full product in every slot.
   */
  private static void fillProduct(
      FeltVector[] aux,
      IntUnaryOperator column,
      int k,
      int n,
      FeltVector numerators,
      FeltVector denominators) {
    denominators.invertInPlace();
    numerators.mulInPlace(denominators);
    Felt running = Felt.ONE;
    for (int i = 0; i < numerators.length(); i++) {
      aux[column.applyAsInt(i % k)].set(i / k, running);
      running = running.mul(numerators.get(i));
    }
    for (int j = 0; j < k; j++) {
      aux[column.applyAsInt(j)].set(n - 1, running);
    }
  }
}
