package io.cairn.cairo.air;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of the statement only the prover knows and the proof binds: how long the run was, the
 * trace size, the offset range, the final ap and the segment table. Everything else (program,
 * input, output, lease id) the verifier already holds.
 *
 * @param steps executed VM steps; the final state is at row {@code steps − 1}
 * @param logTraceLength log2 of the number of trace rows
 * @param rcMin the smallest biased instruction offset
 * @param rcMax the largest biased instruction offset
 * @param limbMin the smallest 16-bit limb of a range_check builtin cell (0 without the builtin)
 * @param limbMax the largest such limb (0 without the builtin)
 * @param apFinal the final ap, just past main's returned builtin pointers
 * @param segments the relocated segment table in segment order
 */
public record ExecutionClaim(
    long steps,
    int logTraceLength,
    int rcMin,
    int rcMax,
    int limbMin,
    int limbMax,
    long apFinal,
    List<Segment> segments) {

  /** The most segments a claim may list. */
  public static final int MAX_SEGMENTS = 1 << 16;

  /** Copies the segment list. */
  public ExecutionClaim {
    segments = List.copyOf(segments);
  }

  /** The claimed [min, max] of range-check argument {@code index} (0 offsets, 1 limbs). */
  public int[] rangeCheckBounds(int index) {
    return index == 0 ? new int[] {rcMin, rcMax} : new int[] {limbMin, limbMax};
  }

  /** The number of trace rows. */
  public int traceLength() {
    return 1 << logTraceLength;
  }

  /** Writes the canonical encoding. */
  public void write(DataOutput out) throws IOException {
    out.writeLong(steps);
    out.writeInt(logTraceLength);
    out.writeInt(rcMin);
    out.writeInt(rcMax);
    out.writeInt(limbMin);
    out.writeInt(limbMax);
    out.writeLong(apFinal);
    out.writeInt(segments.size());
    for (Segment s : segments) {
      out.writeUTF(s.name());
      out.writeLong(s.base());
      out.writeLong(s.size());
    }
  }

  /** Reads what {@link #write} wrote. */
  public static ExecutionClaim read(DataInput in) throws IOException {
    long steps = in.readLong();
    int logTraceLength = in.readInt();
    int rcMin = in.readInt();
    int rcMax = in.readInt();
    int limbMin = in.readInt();
    int limbMax = in.readInt();
    long apFinal = in.readLong();
    int count = in.readInt();
    if (count < 0 || count > MAX_SEGMENTS) {
      throw new IOException("segment count out of range: " + count);
    }
    List<Segment> segments = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      segments.add(new Segment(in.readUTF(), in.readLong(), in.readLong()));
    }
    return new ExecutionClaim(
        steps, logTraceLength, rcMin, rcMax, limbMin, limbMax, apFinal, segments);
  }
}
