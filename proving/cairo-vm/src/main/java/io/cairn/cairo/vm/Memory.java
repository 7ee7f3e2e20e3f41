package io.cairn.cairo.vm;

import io.cairn.cairo.vm.builtin.BuiltinRunner;
import io.cairn.math.Felt;
import java.util.Arrays;

/**
 * Write-once segmented memory. Each cell holds a {@link Felt}, a {@link Relocatable} or nothing.
 *
 * <p>Writing a different value to a written cell throws {@link MemoryConflictException}; writing
 * the same value again is allowed. Writes into a builtin's segment are validated by that builtin
 * (range_check values must be below 2^128). The number of written cells is bounded by a limit that
 * fails with {@link LimitExceededException}.
 */
public final class Memory {
  private static final int MAX_OFFSET = Integer.MAX_VALUE - 16;

  private Object[][] cells = new Object[8][];
  private long[] usedSize = new long[8];
  private BuiltinRunner[] builtins = new BuiltinRunner[8];
  private int segmentCount;
  private long writtenCells;
  private final long maxCells;

  /** Creates an empty memory that accepts at most {@code maxCells} written cells. */
  public Memory(long maxCells) {
    this.maxCells = maxCells;
  }

  /** Adds an empty segment and returns its index. */
  public int addSegment() {
    if (segmentCount == cells.length) {
      cells = Arrays.copyOf(cells, segmentCount * 2);
      usedSize = Arrays.copyOf(usedSize, segmentCount * 2);
      builtins = Arrays.copyOf(builtins, segmentCount * 2);
    }
    cells[segmentCount] = new Object[16];
    return segmentCount++;
  }

  /** Makes {@code builtin} the validator and deducer of {@code segment}. */
  public void attachBuiltin(int segment, BuiltinRunner builtin) {
    checkSegment(segment);
    builtins[segment] = builtin;
  }

  /** The builtin owning {@code segment}, or null. */
  public BuiltinRunner builtinOf(int segment) {
    return segment < segmentCount ? builtins[segment] : null;
  }

  /** The number of segments. */
  public int segmentCount() {
    return segmentCount;
  }

  /** The number of written cells. */
  public long writtenCells() {
    return writtenCells;
  }

  /** A segment's used size: its highest written offset + 1, or 0. */
  public long usedSize(int segment) {
    checkSegment(segment);
    return usedSize[segment];
  }

  /** The value at {@code segment:offset}, or null if the cell was never written. */
  public Object get(int segment, long offset) {
    if (segment >= segmentCount || segment < 0) {
      throw new InvalidOperationException(
          "no segment " + segment + " (reading " + segment + ":" + offset + ")");
    }
    Object[] seg = cells[segment];
    return offset < seg.length ? seg[(int) offset] : null;
  }

  /** The value at {@code address}, or null. */
  public Object get(Relocatable address) {
    return get(address.segment(), address.offset());
  }

  /** The value at {@code address}, failing if the cell is empty. */
  public Object getRequired(Relocatable address) {
    Object v = get(address.segment(), address.offset());
    if (v == null) {
      throw new ExecutionException("memory cell " + address + " is unknown");
    }
    return v;
  }

  /** The field element at {@code address}, failing if it is empty or a pointer. */
  public Felt getFelt(Relocatable address) {
    Object v = getRequired(address);
    if (v instanceof Felt f) {
      return f;
    }
    throw new ExecutionException("memory cell " + address + " holds a pointer, expected a felt");
  }

  /** The pointer at {@code address}, failing if it is empty or a felt. */
  public Relocatable getRelocatable(Relocatable address) {
    Object v = getRequired(address);
    if (v instanceof Relocatable r) {
      return r;
    }
    throw new ExecutionException("memory cell " + address + " holds a felt, expected a pointer");
  }

  /** Writes {@code value} at {@code address}. */
  public void insert(Relocatable address, Object value) {
    insert(address.segment(), address.offset(), value);
  }

  /**
   * Writes {@code value} at {@code segment:offset}.
   *
   * @throws MemoryConflictException if the cell holds a different value
   */
  public void insert(int segment, long offset, Object value) {
    if (segment >= segmentCount || segment < 0) {
      throw new InvalidOperationException(
          "no segment " + segment + " (writing " + segment + ":" + offset + ")");
    }
    if (offset > MAX_OFFSET) {
      throw new InvalidOperationException("offset too large: " + segment + ":" + offset);
    }
    if (!(value instanceof Felt) && !(value instanceof Relocatable)) {
      throw new IllegalArgumentException("memory values are Felt or Relocatable, got " + value);
    }
    Object[] seg = cells[segment];
    int off = (int) offset;
    if (off >= seg.length) {
      seg = Arrays.copyOf(seg, Math.max(off + 1, (int) Math.min(MAX_OFFSET, seg.length * 2L)));
      cells[segment] = seg;
    }
    Object existing = seg[off];
    if (existing != null) {
      if (!existing.equals(value)) {
        throw new MemoryConflictException(new Relocatable(segment, offset), existing, value);
      }
      return;
    }
    BuiltinRunner builtin = builtins[segment];
    if (builtin != null) {
      builtin.validate(new Relocatable(segment, offset), value);
    }
    if (++writtenCells > maxCells) {
      throw new LimitExceededException(
          LimitExceededException.Limit.MEMORY_CELLS,
          "memory cell limit of " + maxCells + " exceeded");
    }
    seg[off] = value;
    if (offset >= usedSize[segment]) {
      usedSize[segment] = offset + 1;
    }
  }

  private void checkSegment(int segment) {
    if (segment < 0 || segment >= segmentCount) {
      throw new InvalidOperationException("no segment " + segment);
    }
  }
}
