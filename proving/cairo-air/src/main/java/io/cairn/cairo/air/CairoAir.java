package io.cairn.cairo.air;

import io.cairn.air.Air;
import io.cairn.air.Assertion;
import io.cairn.air.EvaluationFrame;
import io.cairn.cairo.air.constraints.CairoChallenges;
import io.cairn.cairo.air.constraints.ConstraintFamily;
import io.cairn.cairo.air.constraints.FlagConstraints;
import io.cairn.cairo.air.constraints.FlagGroupConstraints;
import io.cairn.cairo.air.constraints.InstructionConstraints;
import io.cairn.cairo.air.constraints.MemoryConstraints;
import io.cairn.cairo.air.constraints.OpcodeConstraints;
import io.cairn.cairo.air.constraints.OperandConstraints;
import io.cairn.cairo.air.constraints.RangeCheckBuiltinConstraints;
import io.cairn.cairo.air.constraints.RangeCheckConstraints;
import io.cairn.cairo.air.constraints.RegisterUpdateConstraints;
import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import java.util.ArrayList;
import java.util.List;

/**
 * The Cairo AIR in the plain one-row-per-step layout ({@link CairoColumns}), for one {@link
 * CairoStatement}. Row i holds VM step i; rows 0..n−2 are proven steps (their memory accesses and
 * range-checked values enter the permutation arguments) and row n−1 is the state after the last of
 * them. docs/cairo-air.md lists the constraint families and boundary assertions.
 */
public final class CairoAir implements Air {

  /** The constraint system's identifier, absorbed into the transcript. */
  public static final String NAME = "cairn-cairo-plain-v1";

  private final CairoStatement statement;
  private final CairoColumns columns;
  private final List<ConstraintFamily> families;
  private final int[] offsets;
  private final List<Integer> degrees;
  private final List<MemoryCell> publicMemory;
  private final byte[] publicInputs;

  /**
   * The AIR of a statement.
   *
   * @throws CairoStatementException if the statement is inconsistent or uses a builtin the AIR does
   *     not constrain
   */
  public CairoAir(CairoStatement statement) throws CairoStatementException {
    statement.validate();
    this.statement = statement;
    this.columns = new CairoColumns(statement.program().usesRangeCheck());
    List<ConstraintFamily> fs =
        new ArrayList<>(
            List.of(
                new FlagConstraints(),
                new FlagGroupConstraints(),
                new InstructionConstraints(),
                new OperandConstraints(),
                new RegisterUpdateConstraints(),
                new OpcodeConstraints(),
                new MemoryConstraints(columns),
                MemoryConstraints.product(columns)));
    for (RangeCheckArgument argument : columns.rangeChecks()) {
      fs.add(new RangeCheckConstraints(argument));
      fs.add(RangeCheckConstraints.product(argument));
    }
    if (columns.hasRangeCheckBuiltin()) {
      fs.add(new RangeCheckBuiltinConstraints());
    }
    this.families = List.copyOf(fs);
    this.offsets = new int[families.size()];
    List<Integer> d = new ArrayList<>();
    for (int i = 0; i < families.size(); i++) {
      offsets[i] = d.size();
      d.addAll(families.get(i).degrees());
    }
    this.degrees = List.copyOf(d);
    this.publicMemory = PublicMemory.of(statement);
    this.publicInputs = statement.toBytes();
  }

  /** The statement this AIR proves. */
  public CairoStatement statement() {
    return statement;
  }

  /** The column layout. */
  public CairoColumns columns() {
    return columns;
  }

  /** The public memory the verifier rebuilt from the statement. */
  public List<MemoryCell> publicMemory() {
    return publicMemory;
  }

  /** The family and index of transition constraint {@code k}, e.g. {@code "registers[2]"}. */
  public String constraintName(int k) {
    for (int i = families.size() - 1; i >= 0; i--) {
      if (k >= offsets[i]) {
        return families.get(i).name() + "[" + (k - offsets[i]) + "]";
      }
    }
    throw new IndexOutOfBoundsException(k);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int traceLength() {
    return statement.claim().traceLength();
  }

  @Override
  public int mainWidth() {
    return columns.mainWidth();
  }

  @Override
  public int auxWidth() {
    return columns.auxWidth();
  }

  @Override
  public int numAuxChallenges() {
    return CairoChallenges.COUNT;
  }

  @Override
  public List<Integer> transitionDegrees() {
    return degrees;
  }

  @Override
  public void evaluateTransition(EvaluationFrame frame, Felt[] challenges, Felt[] result) {
    for (int i = 0; i < families.size(); i++) {
      families.get(i).evaluate(frame, challenges, result, offsets[i]);
    }
  }

  @Override
  public List<Assertion> assertions(Felt[] challenges) {
    int n = traceLength();
    int lastStep = (int) statement.claim().steps() - 1;
    Felt apInitial = Felt.of(statement.apInitial());
    List<Assertion> a = new ArrayList<>();
    a.add(Assertion.main(CairoColumns.PC, 0, Felt.of(statement.pcInitial())));
    a.add(Assertion.main(CairoColumns.AP, 0, apInitial));
    a.add(Assertion.main(CairoColumns.FP, 0, apInitial));
    a.add(Assertion.main(CairoColumns.PC, lastStep, Felt.of(statement.pcFinal())));
    a.add(Assertion.main(CairoColumns.AP, lastStep, Felt.of(statement.claim().apFinal())));
    Felt target =
        PublicMemory.productTarget(
            publicMemory,
            challenges[CairoChallenges.MEMORY_Z],
            challenges[CairoChallenges.MEMORY_ALPHA]);
    a.add(Assertion.aux(columns.memoryProduct(0), 0, Felt.ONE));
    a.add(Assertion.aux(columns.memoryProduct(0), n - 1, target));
    List<RangeCheckArgument> rangeChecks = columns.rangeChecks();
    for (int i = 0; i < rangeChecks.size(); i++) {
      RangeCheckArgument rc = rangeChecks.get(i);
      int[] bounds = statement.claim().rangeCheckBounds(i);
      a.add(Assertion.aux(rc.product(0), 0, Felt.ONE));
      a.add(Assertion.aux(rc.product(0), n - 1, Felt.ONE));
      a.add(Assertion.aux(rc.sorted(0), 0, Felt.of(bounds[0])));
      a.add(Assertion.aux(rc.sorted(rc.slots() - 1), n - 2, Felt.of(bounds[1])));
    }
    if (columns.hasRangeCheckBuiltin()) {
      long[] span = rangeCheckBuiltinSpan(statement);
      a.add(Assertion.main(CairoColumns.RC_BUILTIN_ADDR, 0, Felt.of(span[0])));
      a.add(Assertion.main(CairoColumns.RC_BUILTIN_ADDR, n - 2, Felt.of(span[1])));
    }
    return a;
  }

  /**
   * The first and last address the range_check builtin column must walk: the segment's cells, or,
   * for an empty segment, the execution segment's second cell (public, value 0) on every row.
   */
  public static long[] rangeCheckBuiltinSpan(CairoStatement statement) {
    Segment rc = statement.segment("range_check").orElseThrow();
    if (rc.size() == 0) {
      long zeroCell = statement.claim().segments().get(1).base() + 1;
      return new long[] {zeroCell, zeroCell};
    }
    return new long[] {rc.base(), rc.end() - 1};
  }

  @Override
  public byte[] publicInputs() {
    return publicInputs.clone();
  }

  @Override
  public List<FeltVector> buildAuxTrace(List<FeltVector> main, Felt[] challenges) {
    return AuxTraceBuilder.build(columns, main, challenges, publicMemory);
  }
}
