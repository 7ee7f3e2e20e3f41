package io.cairn.cairo.vm;

import java.util.ArrayList;
import java.util.List;

/**
 * The register trace of a run: (pc, ap, fp) before each step, as (segment, offset) pairs packed in
 * longs ({@code segment << 40 | offset}). Stored in fixed-size chunks so that growth never copies.
 */
public final class Trace {
  private static final int CHUNK_ROWS = 1 << 16;
  static final int OFFSET_BITS = 40;
  static final long OFFSET_MASK = (1L << OFFSET_BITS) - 1;

  private final List<long[]> chunks = new ArrayList<>();
  private long[] current;
  private int posInChunk = CHUNK_ROWS;
  private long rows;

  /** Packs a (segment, offset) pair. */
  static long pack(int segment, long offset) {
    return ((long) segment << OFFSET_BITS) | offset;
  }

  /** The segment of a packed pointer. */
  public static int segmentOf(long packed) {
    return (int) (packed >>> OFFSET_BITS);
  }

  /** The offset of a packed pointer. */
  public static long offsetOf(long packed) {
    return packed & OFFSET_MASK;
  }

  void append(long pc, long ap, long fp) {
    if (posInChunk == CHUNK_ROWS) {
      current = new long[CHUNK_ROWS * 3];
      chunks.add(current);
      posInChunk = 0;
    }
    int i = posInChunk * 3;
    current[i] = pc;
    current[i + 1] = ap;
    current[i + 2] = fp;
    posInChunk++;
    rows++;
  }

  /** The number of rows. */
  public long size() {
    return rows;
  }

  /** Packed pc of row {@code row}. */
  public long pc(long row) {
    return cell(row, 0);
  }

  /** Packed ap of row {@code row}. */
  public long ap(long row) {
    return cell(row, 1);
  }

  /** Packed fp of row {@code row}. */
  public long fp(long row) {
    return cell(row, 2);
  }

  private long cell(long row, int col) {
    if (row < 0 || row >= rows) {
      throw new IndexOutOfBoundsException("trace row " + row + " of " + rows);
    }
    long[] chunk = chunks.get((int) (row / CHUNK_ROWS));
    return chunk[(int) (row % CHUNK_ROWS) * 3 + col];
  }
}
