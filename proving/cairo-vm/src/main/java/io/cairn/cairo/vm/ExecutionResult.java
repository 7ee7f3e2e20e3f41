package io.cairn.cairo.vm;

import io.cairn.math.Felt;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a finished run, relocated to the flat address space: segment table, registers,
 * step count, output, public memory, and the trace and memory in cairo-run's binary formats.
 *
 * <p>Relocation: segment i starts at {@code base_i = 1 + sum of the sizes of segments 0..i-1}; a
 * pointer (i, o) becomes {@code base_i + o}. The trace and memory are relocated lazily when read or
 * written, so a result costs little beyond the run's own memory.
 */
public final class ExecutionResult {
  private final RunMode mode;
  private final long steps;
  private final Memory memory;
  private final Trace trace;
  private final List<SegmentInfo> segments;
  private final long[] bases;
  private final Relocatable initialPc;
  private final Relocatable initialAp;
  private final Relocatable finalPc;
  private final Relocatable finalAp;
  private final Relocatable finalFp;
  private final int outputSegment;
  private final int inputSegment;

  private ExecutionResult(CairoRunner runner) {
    this.mode = runner.config().mode();
    CairoVm vm = runner.vm();
    this.steps = vm.steps();
    this.memory = runner.memory;
    this.trace = vm.trace();
    int n = memory.segmentCount();
    this.bases = new long[n + 1];
    List<SegmentInfo> table = new ArrayList<>();
    long base = 1;
    for (int i = 0; i < n; i++) {
      long size = memory.usedSize(i);
      bases[i] = base;
      table.add(new SegmentInfo(i, runner.segmentName(i), base, size));
      base += size;
    }
    bases[n] = base;
    this.segments = List.copyOf(table);
    this.initialPc = runner.initialPc;
    this.initialAp = runner.initialAp;
    this.finalPc = vm.pc();
    this.finalAp = vm.ap();
    this.finalFp = vm.fp();
    this.outputSegment = runner.special.output();
    this.inputSegment = runner.special.input();
  }

  static ExecutionResult of(CairoRunner runner) {
    return new ExecutionResult(runner);
  }

  /** Exec or proof mode. */
  public RunMode mode() {
    return mode;
  }

  /** Executed steps (in proof mode including the padding). */
  public long steps() {
    return steps;
  }

  /** The relocation table, one row per segment in index order. */
  public List<SegmentInfo> segments() {
    return segments;
  }

  /** The input segment's row, if the run had one. */
  public Optional<SegmentInfo> inputSegment() {
    return inputSegment < 0 ? Optional.empty() : Optional.of(segments.get(inputSegment));
  }

  /** The output builtin segment's row, if the program declares the output builtin. */
  public Optional<SegmentInfo> outputSegment() {
    return outputSegment < 0 ? Optional.empty() : Optional.of(segments.get(outputSegment));
  }

  /** Relocates a pointer. */
  public long relocate(Relocatable r) {
    return bases[r.segment()] + r.offset();
  }

  /** Relocates a memory value: felts unchanged, pointers to their flat address. */
  public Felt relocateValue(Object v) {
    return v instanceof Relocatable r ? Felt.of(relocate(r)) : (Felt) v;
  }

  /** The initial pc, relocated. */
  public long initialPc() {
    return relocate(initialPc);
  }

  /** The initial ap (= initial fp), relocated. */
  public long initialAp() {
    return relocate(initialAp);
  }

  /** The initial fp, relocated. */
  public long initialFp() {
    return relocate(initialAp);
  }

  /** The final pc, relocated. */
  public long finalPc() {
    return relocate(finalPc);
  }

  /** The final ap, relocated. */
  public long finalAp() {
    return relocate(finalAp);
  }

  /** The final fp, relocated. */
  public long finalFp() {
    return relocate(finalFp);
  }

  /** The final registers before relocation (pc, ap, fp). */
  public List<Relocatable> finalRegisters() {
    return List.of(finalPc, finalAp, finalFp);
  }

  /** The output builtin's cells in order (empty without the output builtin). */
  public List<Felt> output() {
    return cellsOf(outputSegment);
  }

  /** The input segment's cells in order (empty without input). */
  public List<Felt> input() {
    return cellsOf(inputSegment);
  }

  private List<Felt> cellsOf(int segment) {
    List<Felt> out = new ArrayList<>();
    if (segment < 0) {
      return out;
    }
    for (long i = 0; i < memory.usedSize(segment); i++) {
      Object v = memory.get(segment, i);
      if (v == null) {
        throw new ExecutionException("segment " + segment + " has a hole at offset " + i);
      }
      out.add(relocateValue(v));
    }
    return out;
  }

  /**
   * The public memory: every program word, input felt and output felt at its relocated address, in
   * address order.
   */
  public List<PublicMemoryCell> publicMemory() {
    List<PublicMemoryCell> cells = new ArrayList<>();
    for (int seg : new int[] {0, inputSegment, outputSegment}) {
      if (seg < 0) {
        continue;
      }
      for (long i = 0; i < memory.usedSize(seg); i++) {
        Object v = memory.get(seg, i);
        if (v != null) {
          cells.add(new PublicMemoryCell(bases[seg] + i, relocateValue(v)));
        }
      }
    }
    cells.sort((a, b) -> Long.compare(a.address(), b.address()));
    return cells;
  }

  /** Whether the trace was recorded. */
  public boolean hasTrace() {
    return trace != null;
  }

  /** The number of trace rows (= steps when recorded). */
  public long traceLength() {
    return requireTrace().size();
  }

  /** Relocated pc of trace row {@code row}. */
  public long tracePc(long row) {
    return relocatePacked(requireTrace().pc(row));
  }

  /** Relocated ap of trace row {@code row}. */
  public long traceAp(long row) {
    return relocatePacked(requireTrace().ap(row));
  }

  /** Relocated fp of trace row {@code row}. */
  public long traceFp(long row) {
    return relocatePacked(requireTrace().fp(row));
  }

  private long relocatePacked(long packed) {
    return bases[Trace.segmentOf(packed)] + Trace.offsetOf(packed);
  }

  private Trace requireTrace() {
    if (trace == null) {
      throw new IllegalStateException("the trace was not recorded (RunConfig.recordTrace)");
    }
    return trace;
  }

  /**
   * The addresses step {@code row} accessed, recomputed from the trace and memory: the instruction
   * at pc is decoded and its operand addresses formed from ap and fp.
   */
  public StepAccesses accesses(long row) {
    Trace t = requireTrace();
    long pcPacked = t.pc(row);
    Relocatable pc = new Relocatable(Trace.segmentOf(pcPacked), Trace.offsetOf(pcPacked));
    Relocatable ap = new Relocatable(Trace.segmentOf(t.ap(row)), Trace.offsetOf(t.ap(row)));
    Relocatable fp = new Relocatable(Trace.segmentOf(t.fp(row)), Trace.offsetOf(t.fp(row)));
    Felt word = memory.getFelt(pc);
    Instruction ins = Instruction.decode(word.toLongExact());
    Relocatable dst = (ins.dstReg() == Instruction.Register.AP ? ap : fp).add(ins.offDst());
    Relocatable op0 = (ins.op0Reg() == Instruction.Register.AP ? ap : fp).add(ins.offOp0());
    Relocatable op1 =
        switch (ins.op1Src()) {
          case IMM -> pc.add(ins.offOp1());
          case AP -> ap.add(ins.offOp1());
          case FP -> fp.add(ins.offOp1());
          case OP0 -> memory.getRelocatable(op0).add(ins.offOp1());
        };
    return new StepAccesses(relocate(pc), relocate(dst), relocate(op0), relocate(op1));
  }

  /** The value at relocated {@code address} (pointers relocated), if the cell was written. */
  public Optional<Felt> memoryAt(long address) {
    for (int seg = 0; seg < segments.size(); seg++) {
      if (address >= bases[seg] && address < bases[seg + 1]) {
        Object v = memory.get(seg, address - bases[seg]);
        return v == null ? Optional.empty() : Optional.of(relocateValue(v));
      }
    }
    return Optional.empty();
  }

  /** The number of written memory cells. */
  public long memoryCellCount() {
    return memory.writtenCells();
  }

  /** Writes the trace in cairo-run's format: per step u64 LE ap, fp, pc (relocated). */
  public void writeTrace(OutputStream out) throws IOException {
    Trace t = requireTrace();
    byte[] buf = new byte[24 * 4096];
    int pos = 0;
    for (long row = 0; row < t.size(); row++) {
      putLong(buf, pos, relocatePacked(t.ap(row)));
      putLong(buf, pos + 8, relocatePacked(t.fp(row)));
      putLong(buf, pos + 16, relocatePacked(t.pc(row)));
      pos += 24;
      if (pos == buf.length) {
        out.write(buf, 0, pos);
        pos = 0;
      }
    }
    out.write(buf, 0, pos);
  }

  /**
   * Writes the memory in cairo-run's format, sorted by address: per written cell u64 LE address
   * then the 32-byte LE value.
   */
  public void writeMemory(OutputStream out) throws IOException {
    byte[] buf = new byte[40 * 4096];
    int pos = 0;
    for (int seg = 0; seg < segments.size(); seg++) {
      long size = memory.usedSize(seg);
      for (long off = 0; off < size; off++) {
        Object v = memory.get(seg, off);
        if (v == null) {
          continue;
        }
        putLong(buf, pos, bases[seg] + off);
        if (v instanceof Relocatable r) {
          putLong(buf, pos + 8, relocate(r));
          java.util.Arrays.fill(buf, pos + 16, pos + 40, (byte) 0);
        } else {
          ((Felt) v).writeBytesLE(buf, pos + 8);
        }
        pos += 40;
        if (pos == buf.length) {
          out.write(buf, 0, pos);
          pos = 0;
        }
      }
    }
    out.write(buf, 0, pos);
  }

  private static void putLong(byte[] b, int off, long v) {
    for (int i = 0; i < 8; i++) {
      b[off + i] = (byte) (v >>> (8 * i));
    }
  }
}
