package io.cairn.cairo.prover;

import io.cairn.cairo.air.Segment;
import io.cairn.cairo.vm.ExecutionResult;
import io.cairn.math.Felt;
import java.util.List;

/** The relocated memory of a run as a dense array indexed by address (null for holes). */
final class RelocatedMemory {

  private final Felt[] cells;

  private RelocatedMemory(Felt[] cells) {
    this.cells = cells;
  }

  /** Copies the run's memory, segment by segment. */
  static RelocatedMemory of(ExecutionResult run, List<Segment> segments) {
    long end = segments.isEmpty() ? 1 : segments.get(segments.size() - 1).end();
    if (end > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("memory too large to prove: " + end + " cells");
    }
    Felt[] cells = new Felt[(int) end];
    for (Segment s : segments) {
      for (long a = s.base(); a < s.end(); a++) {
        cells[(int) a] = run.memoryAt(a).orElse(null);
      }
    }
    return new RelocatedMemory(cells);
  }

  /** One past the highest address. */
  int end() {
    return cells.length;
  }

  /** The value at {@code address}, or null for a hole or an address outside the memory. */
  Felt get(long address) {
    return address >= 0 && address < cells.length ? cells[(int) address] : null;
  }

  /** The value at {@code address}, which the run must have written. */
  Felt require(long address) {
    Felt v = get(address);
    if (v == null) {
      throw new IllegalStateException("the run read unwritten memory at " + address);
    }
    return v;
  }
}
