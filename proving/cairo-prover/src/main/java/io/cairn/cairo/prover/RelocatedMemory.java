package io.cairn.cairo.prover;

import io.cairn.cairo.air.Segment;
import io.cairn.cairo.vm.ExecutionResult;
import io.cairn.math.Felt;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The relocated memory of a run as a dense array indexed by address (null for holes). */
final class RelocatedMemory {

  private static final int RECORD = 40;

  private final Felt[] cells;

  private RelocatedMemory(Felt[] cells) {
    this.cells = cells;
  }

  /**
   * Copies the run's memory in one pass over its cairo-run memory encoding (address u64 LE, value
   * 32 bytes LE per written cell), which costs O(cells) whatever the number of segments.
   */
  static RelocatedMemory of(ExecutionResult run, List<Segment> segments) {
    long end = segments.isEmpty() ? 1 : segments.get(segments.size() - 1).end();
    if (end > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("memory too large to prove: " + end + " cells");
    }
    Felt[] cells = new Felt[(int) end];
    try (RecordSink sink = new RecordSink(cells)) {
      run.writeMemory(sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new RelocatedMemory(cells);
  }

  /** Parses 40-byte memory records as they are written, into the dense array. */
  private static final class RecordSink extends OutputStream {
    private final Felt[] cells;
    private final byte[] record = new byte[RECORD];
    private int filled;

    RecordSink(Felt[] cells) {
      this.cells = cells;
    }

    @Override
    public void write(int b) {
      record[filled++] = (byte) b;
      if (filled == RECORD) {
        flushRecord();
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      while (len > 0) {
        int n = Math.min(len, RECORD - filled);
        System.arraycopy(b, off, record, filled, n);
        filled += n;
        off += n;
        len -= n;
        if (filled == RECORD) {
          flushRecord();
        }
      }
    }

    private void flushRecord() {
      long address = 0;
      for (int i = 7; i >= 0; i--) {
        address = (address << 8) | (record[i] & 0xFF);
      }
      if (address < 0 || address >= cells.length) {
        throw new IllegalStateException("memory cell outside the segment table: " + address);
      }
      cells[(int) address] = Felt.fromBytesLE(record, 8);
      filled = 0;
    }

    @Override
    public void close() {
      if (filled != 0) {
        throw new IllegalStateException("truncated memory record");
      }
    }
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
