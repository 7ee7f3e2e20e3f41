package io.cairn.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** FFTs checked against O(n²) evaluation with BigInteger arithmetic. */
class FftTest {
  @Test
  void smallSizesMatchNaiveEvaluation() {
    // a larger transform first, so that the small ones read a table built for a larger size
    Fft.fft(new FeltVector(1 << 12));
    Random rnd = new Random(20);
    for (int logN = 0; logN <= 7; logN++) {
      int n = 1 << logN;
      Felt[] coeffs = Naive.randomFelts(rnd, n);
      FeltVector v = FeltVector.of(coeffs);
      Fft.fft(v);
      assertArrayEquals(Naive.evaluateOnCoset(coeffs, Felt.ONE, n), v.toArray(), "n=" + n);
      Fft.ifft(v);
      assertArrayEquals(coeffs, v.toArray(), "ifft n=" + n);
    }
  }

  @Test
  void edgeInputs() {
    // a constant, x itself, and an all-(p-1) vector
    int n = 8;
    FeltVector constant = new FeltVector(n);
    constant.set(0, Felt.of(-1));
    Fft.fft(constant);
    for (int i = 0; i < n; i++) {
      assertEquals(Felt.of(-1), constant.get(i));
    }
    FeltVector x = new FeltVector(n);
    x.set(1, Felt.ONE);
    Fft.fft(x);
    for (int i = 0; i < n; i++) {
      assertEquals(Felt.rootOfUnity(3).pow(i), x.get(i));
    }
    FeltVector minusOnes = new FeltVector(n);
    minusOnes.fill(Felt.of(-1));
    Fft.ifft(minusOnes);
    assertEquals(Felt.of(-1), minusOnes.get(0));
    assertEquals(Felt.ZERO, minusOnes.get(5));
    assertThrows(IllegalArgumentException.class, () -> Fft.fft(new FeltVector(12)));
    assertThrows(IllegalArgumentException.class, () -> Fft.fft(new FeltVector(0)));
  }

  @Test
  void cosetEvaluationAndInterpolation() {
    Random rnd = new Random(21);
    Felt offset = Felt.GENERATOR;
    for (int[] shape : new int[][] {{1, 4}, {5, 8}, {16, 16}, {16, 64}, {30, 32}}) {
      Felt[] coeffs = Naive.randomFelts(rnd, shape[0]);
      FeltVector evals = Fft.evaluateOnCoset(FeltVector.of(coeffs), offset, shape[1]);
      assertArrayEquals(Naive.evaluateOnCoset(coeffs, offset, shape[1]), evals.toArray());
      FeltVector back = Fft.interpolateFromCoset(evals, offset);
      assertArrayEquals(FeltVector.of(coeffs).copyWithLength(shape[1]).toArray(), back.toArray());
    }
    assertThrows(
        IllegalArgumentException.class, () -> Fft.evaluateOnCoset(new FeltVector(9), offset, 8));
    assertThrows(
        IllegalArgumentException.class, () -> Fft.evaluateOnCoset(new FeltVector(2), offset, 6));
    assertThrows(
        ArithmeticException.class, () -> Fft.interpolateFromCoset(new FeltVector(4), Felt.ZERO));
  }

  @Test
  void selectedCosetValuesMatchTheWholeTransform() {
    Random rnd = new Random(25);
    for (int logN : new int[] {0, 1, 3, 10, Fft.PARALLEL_LOG_SIZE + 1}) {
      int n = 1 << logN;
      FeltVector coeffs = FeltVector.of(Naive.randomFelts(rnd, n));
      for (Felt offset : new Felt[] {Felt.ONE, Felt.GENERATOR}) {
        FeltVector all = Fft.evaluateOnCoset(coeffs, offset, n);
        int[] some = {n - 1, 0, n / 2, n - 1, rnd.nextInt(n), rnd.nextInt(n), n / 3};
        int[] every = java.util.stream.IntStream.range(0, n).toArray();
        for (int[] indices : new int[][] {some, every, {}}) {
          Felt[] selected = Fft.evaluateOnCosetAt(coeffs, offset, indices);
          assertEquals(indices.length, selected.length);
          for (int i = 0; i < indices.length; i++) {
            assertEquals(all.get(indices[i]), selected[i], "n " + n + ", k " + indices[i]);
          }
        }
      }
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> Fft.evaluateOnCosetAt(new FeltVector(8), Felt.ONE, new int[] {8}));
    assertThrows(
        IllegalArgumentException.class,
        () -> Fft.evaluateOnCosetAt(new FeltVector(6), Felt.ONE, new int[] {0}));
  }

  @Test
  void lowDegreeExtensionAgreesOnTheSubgroupAndStaysLowDegree() {
    Random rnd = new Random(22);
    int n = 16;
    int blowup = 4;
    Felt[] coeffs = Naive.randomFelts(rnd, n);
    FeltVector evals = FeltVector.of(Naive.evaluateOnCoset(coeffs, Felt.ONE, n));
    FeltVector lde = Fft.lowDegreeExtension(evals, Felt.GENERATOR, blowup);
    assertArrayEquals(Naive.evaluateOnCoset(coeffs, Felt.GENERATOR, n * blowup), lde.toArray());
    List<FeltVector> coeffCols = Fft.interpolateFromCoset(List.of(evals, evals), Felt.ONE);
    assertArrayEquals(coeffs, coeffCols.get(1).toArray());
    List<FeltVector> ldeCols = Fft.evaluateOnCoset(coeffCols, Felt.GENERATOR, n * blowup);
    assertEquals(lde, ldeCols.get(0));
    List<FeltVector> cols = Fft.lowDegreeExtension(List.of(evals, evals.copy()), Felt.GENERATOR, 2);
    assertEquals(2, cols.size());
    assertArrayEquals(Naive.evaluateOnCoset(coeffs, Felt.GENERATOR, 2 * n), cols.get(1).toArray());
  }

  /** Transforms of different sizes run at once share the twiddle cache without interfering. */
  @Test
  void concurrentTransformsOfDifferentSizes() {
    List<FeltVector> inputs = new java.util.ArrayList<>();
    Random rnd = new Random(24);
    for (int i = 0; i < 12; i++) {
      inputs.add(FeltVector.of(Naive.randomFelts(rnd, 1 << (6 + i % 5))));
    }
    List<FeltVector> serial = inputs.stream().map(FeltVector::copy).toList();
    serial.forEach(Fft::fft);
    List<FeltVector> concurrent = inputs.parallelStream().map(FeltVector::copy).toList();
    concurrent.parallelStream()
        .forEach(
            v -> {
              Fft.fft(v);
              Fft.ifft(v);
              Fft.fft(v);
            });
    assertEquals(serial, concurrent);
    Felt w = Felt.rootOfUnity(6);
    assertEquals(Polynomial.of(inputs.get(0).toArray()).evaluate(w.pow(5)), serial.get(0).get(5));
  }

  /**
   * Sizes that take the blocked and multi-threaded paths, checked against naive evaluation at a
   * sample of points (all of them would be O(n²)).
   */
  @Test
  void largeSizesMatchNaiveEvaluationAtSampledPoints() {
    Random rnd = new Random(23);
    for (int logN : new int[] {13, Fft.PARALLEL_LOG_SIZE + 1}) {
      int n = 1 << logN;
      Felt[] coeffs = Naive.randomFelts(rnd, n);
      Felt offset = Felt.of(7);
      FeltVector evals = Fft.evaluateOnCoset(FeltVector.of(coeffs), offset, n);
      Polynomial poly = Polynomial.of(coeffs);
      Felt w = Felt.rootOfUnity(logN);
      for (int i : new int[] {0, 1, 2, n / 2, n / 2 + 1, n - 1, rnd.nextInt(n), rnd.nextInt(n)}) {
        assertEquals(poly.evaluate(offset.mul(w.pow(i))), evals.get(i), "n=" + n + " i=" + i);
      }
      assertArrayEquals(coeffs, Fft.interpolateFromCoset(evals, offset).toArray());
    }
  }
}
