package io.cairn.cairo.prover;

import io.cairn.cairo.air.CairoAir;
import io.cairn.cairo.air.CairoColumns;
import io.cairn.cairo.air.CairoStatement;
import io.cairn.cairo.air.CairoStatementException;
import io.cairn.cairo.air.ExecutionClaim;
import io.cairn.cairo.air.MemoryCell;
import io.cairn.cairo.air.ProvableProgram;
import io.cairn.cairo.air.PublicMemory;
import io.cairn.cairo.air.Segment;
import io.cairn.cairo.vm.ExecutionResult;
import io.cairn.cairo.vm.RunMode;
import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Turns a proof-mode run of the VM into the Cairo AIR's main trace (docs/cairo-air.md): one row per
 * step, the state after the last step repeated up to a power of two large enough that the extra
 * column holds every public-memory dummy and memory hole, the range-check hole column every missing
 * offset, and the range_check builtin column every builtin cell.
 */
public final class CairoTraceBuilder {

  private CairoTraceBuilder() {}

  /**
   * Builds the trace and statement of {@code run}, a proof-mode run of {@code program}.
   *
   * @throws CairoStatementException if the program cannot be proven (e.g. an unsupported builtin,
   *     or main returning more than its builtin pointers)
   */
  public static CairoTrace build(ProvableProgram program, ExecutionResult run, String leaseId)
      throws CairoStatementException {
    program.requireProvableBuiltins();
    if (run.mode() != RunMode.PROOF) {
      throw new CairoStatementException("only proof-mode runs can be proven");
    }
    List<Segment> segments =
        run.segments().stream().map(s -> new Segment(s.name(), s.base(), s.size())).toList();
    long steps = run.traceLength();
    int logN = Math.max(3, 64 - Long.numberOfLeadingZeros(steps - 1));
    ExecutionClaim provisional =
        new ExecutionClaim(steps, logN, 0, 0, 0, 0, run.finalAp(), segments);
    CairoStatement statement =
        new CairoStatement(program, run.input(), run.output(), leaseId, provisional);
    statement.validate();
    RelocatedMemory memory = RelocatedMemory.of(run, segments);
    List<MemoryCell> publicMemory = PublicMemory.of(statement);
    for (MemoryCell c : publicMemory) {
      if (!c.value().equals(memory.get(c.address()))) {
        throw new CairoStatementException(
            "memory at "
                + c.address()
                + " differs from the public memory; main must return exactly its builtin pointers");
      }
    }
    if (run.tracePc(steps - 1) != statement.pcFinal()) {
      throw new CairoStatementException("the run did not end at __end__");
    }
    while (true) {
      CairoTrace trace = tryBuild(statement, run, memory, publicMemory, logN);
      if (trace != null) {
        return trace;
      }
      logN++;
      if (logN > CairoStatement.MAX_LOG_TRACE_LENGTH) {
        throw new CairoStatementException("the run needs more than 2^26 trace rows");
      }
    }
  }

  /** Fills a trace of 2^logN rows, or returns null if its slots cannot hold the holes. */
  private static CairoTrace tryBuild(
      CairoStatement provisional,
      ExecutionResult run,
      RelocatedMemory memory,
      List<MemoryCell> publicMemory,
      int logN)
      throws CairoStatementException {
    int n = 1 << logN;
    CairoColumns columns = new CairoColumns(provisional.program().usesRangeCheck());
    List<FeltVector> main = new ArrayList<>();
    for (int c = 0; c < columns.mainWidth(); c++) {
      main.add(new FeltVector(n));
    }
    long steps = provisional.claim().steps();
    BitSet accessed = new BitSet(memory.end());
    int[] rcCounts = new int[1 << 16];
    for (int r = 0; r < n; r++) {
      long row = Math.min(r, steps - 1);
      long pc = run.tracePc(row);
      long[] step = StepColumns.fill(main, r, pc, run.traceAp(row), run.traceFp(row), memory);
      if (r < n - 1) {
        for (int k = 0; k < 3; k++) {
          rcCounts[(int) step[k]]++;
        }
        accessed.set((int) pc);
        for (int k = 3; k < 6; k++) {
          accessed.set((int) step[k]);
        }
      }
    }
    int[] limbCounts = new int[1 << 16];
    if (columns.hasRangeCheckBuiltin()
        && !RangeCheckBuiltinColumns.fill(provisional, main, memory, accessed, limbCounts)) {
      return null;
    }
    for (MemoryCell c : publicMemory) {
      accessed.set((int) c.address());
    }
    List<Integer> holes = new ArrayList<>();
    int highest = accessed.length() - 1;
    for (int h = accessed.nextClearBit(accessed.nextSetBit(0));
        h < highest;
        h = accessed.nextClearBit(h + 1)) {
      holes.add(h);
    }
    if (publicMemory.size() + holes.size() > n - 1) {
      return null;
    }
    fillExtra(main, n, publicMemory.size(), holes);
    int[] offsets = RangeCheckHoles.fill(main, n, rcCounts, CairoColumns.RC_HOLE);
    int[] limbs = {0, 0};
    if (columns.hasRangeCheckBuiltin()) {
      limbs = RangeCheckHoles.fill(main, n, limbCounts, CairoColumns.RC_LIMB_HOLE);
    }
    if (offsets == null || limbs == null) {
      return null;
    }
    ExecutionClaim p = provisional.claim();
    ExecutionClaim claim =
        new ExecutionClaim(
            steps, logN, offsets[0], offsets[1], limbs[0], limbs[1], p.apFinal(), p.segments());
    CairoStatement statement =
        new CairoStatement(
            provisional.program(),
            provisional.input(),
            provisional.output(),
            provisional.leaseId(),
            claim);
    return new CairoTrace(statement, new CairoAir(statement), main);
  }

  /** The extra access: public-memory dummies (0, 0), then holes (a, 0), then a repeat of pc. */
  private static void fillExtra(List<FeltVector> main, int n, int dummies, List<Integer> holes) {
    FeltVector addr = main.get(CairoColumns.EXTRA_ADDR);
    FeltVector val = main.get(CairoColumns.EXTRA_VAL);
    for (int r = 0; r < n; r++) {
      if (r < dummies) {
        addr.set(r, Felt.ZERO);
        val.set(r, Felt.ZERO);
      } else if (r - dummies < holes.size()) {
        addr.set(r, Felt.of(holes.get(r - dummies)));
        val.set(r, Felt.ZERO);
      } else {
        addr.set(r, main.get(CairoColumns.PC).get(r));
        val.set(r, main.get(CairoColumns.INST).get(r));
      }
    }
  }
}
