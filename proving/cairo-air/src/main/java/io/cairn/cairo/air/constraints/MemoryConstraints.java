package io.cairn.cairo.air.constraints;

import io.cairn.air.EvaluationFrame;
import io.cairn.cairo.air.CairoColumns;
import io.cairn.math.Felt;
import java.util.Collections;
import java.util.List;

/**
 * The sorted memory (whitepaper §9.7): consecutive sorted addresses differ by 0 or 1 (continuity)
 * and two accesses to one address read one value (single-valuedness):
 *
 * <pre>
 *   (a' − a)·(a' − a − 1) = 0,   (a' − a − 1)·(v' − v) = 0
 * </pre>
 *
 * for every pair of consecutive sorted slots. {@link #product} is the matching running product over
 * {@code a + α·v}.
 */
public final class MemoryConstraints implements ConstraintFamily {

  private final CairoColumns columns;

  /** The memory constraints of a layout. */
  public MemoryConstraints(CairoColumns columns) {
    this.columns = columns;
  }

  /** The memory permutation's running product. */
  public static RunningProduct product(CairoColumns columns) {
    SortedSlots slots =
        new SortedSlots() {
          @Override
          public int slots() {
            return columns.memorySlots();
          }

          @Override
          public Felt unsorted(EvaluationFrame f, Felt[] ch, int slot) {
            Felt a = f.current(columns.memoryAddress(slot));
            Felt v = f.current(columns.memoryValue(slot));
            return a.add(ch[CairoChallenges.MEMORY_ALPHA].mul(v));
          }

          @Override
          public Felt sorted(EvaluationFrame f, Felt[] ch, int slot) {
            Felt a = f.auxCurrent(columns.sortedAddress(slot));
            Felt v = f.auxCurrent(columns.sortedValue(slot));
            return a.add(ch[CairoChallenges.MEMORY_ALPHA].mul(v));
          }
        };
    return new RunningProduct(
        "memory-product", slots, columns::memoryProduct, CairoChallenges.MEMORY_Z);
  }

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public List<Integer> degrees() {
    return Collections.nCopies(2 * columns.memorySlots(), 2);
  }

  @Override
  public void evaluate(EvaluationFrame f, Felt[] challenges, Felt[] out, int offset) {
    int k = columns.memorySlots();
    for (int j = 0; j < k; j++) {
      Felt a = f.auxCurrent(columns.sortedAddress(j));
      Felt v = f.auxCurrent(columns.sortedValue(j));
      Felt nextA =
          j + 1 < k
              ? f.auxCurrent(columns.sortedAddress(j + 1))
              : f.auxNext(columns.sortedAddress(0));
      Felt nextV =
          j + 1 < k ? f.auxCurrent(columns.sortedValue(j + 1)) : f.auxNext(columns.sortedValue(0));
      Felt step = nextA.sub(a);
      Felt stepMinusOne = step.sub(Felt.ONE);
      out[offset + 2 * j] = step.mul(stepMinusOne);
      out[offset + 2 * j + 1] = stepMinusOne.mul(nextV.sub(v));
    }
  }
}
