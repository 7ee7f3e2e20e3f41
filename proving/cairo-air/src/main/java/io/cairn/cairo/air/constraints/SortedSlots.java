package io.cairn.cairo.air.constraints;

import io.cairn.air.EvaluationFrame;
import io.cairn.math.Felt;

/**
 * Reads one permutation argument's slots of a frame: {@code k} slots per row walked row-major, the
 * pair of consecutive slots {@code (j, j+1)} being in the current row for {@code j < k−1} and
 * {@code (k−1 of the current row, 0 of the next)} otherwise.
 */
interface SortedSlots {

  /** Slots per row. */
  int slots();

  /** The term of unsorted slot {@code slot} of the current row, e.g. {@code a + α·v}. */
  Felt unsorted(EvaluationFrame frame, Felt[] challenges, int slot);

  /** The same term for sorted slot {@code slot} of the current row. */
  Felt sorted(EvaluationFrame frame, Felt[] challenges, int slot);
}
