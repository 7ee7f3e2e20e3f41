package io.cairn.cairo.prover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.air.ConstraintViolationException;
import io.cairn.air.TraceChecker;
import io.cairn.cairo.air.CairoAir;
import io.cairn.cairo.air.CairoColumns;
import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The Cairo AIR on honest and corrupted traces, checked row by row without proving: honest traces
 * satisfy every constraint; each corruption is caught by the family that guards it.
 */
class TraceCheckTest {

  private static final Felt[] CHALLENGES = randomChallenges();

  private static Felt[] randomChallenges() {
    Random random = new Random(42);
    return new Felt[] {
      Felt.of(random.nextLong() >>> 1),
      Felt.of(random.nextLong() >>> 1),
      Felt.of(random.nextLong() >>> 1)
    };
  }

  /** Checks the trace after {@code corruption}; returns the failing family, or null if none. */
  private static String violation(CairoTrace trace, Consumer<List<FeltVector>> corruption) {
    List<FeltVector> main = trace.main().stream().map(FeltVector::copy).toList();
    corruption.accept(main);
    try {
      TraceChecker.check(trace.air(), main, CHALLENGES);
      return null;
    } catch (ConstraintViolationException e) {
      return describe(trace.air(), e);
    }
  }

  private static String describe(CairoAir air, ConstraintViolationException e) {
    String prefix = "transition constraint ";
    return e.constraint().startsWith(prefix)
        ? air.constraintName(Integer.parseInt(e.constraint().substring(prefix.length())))
        : e.constraint();
  }

  private static void add(List<FeltVector> main, int column, int row, Felt delta) {
    main.get(column).set(row, main.get(column).get(row).add(delta));
  }

  @Test
  void honestTraceSatisfiesEveryConstraint() throws Exception {
    CairoTrace trace = TestPrograms.trace("fibonacci", 5);
    assertEquals(List.of(Felt.of(5)), trace.statement().output());
    assertEquals(64, trace.air().transitionDegrees().size());
    assertEquals(null, violation(trace, m -> {}));
  }

  @Test
  void wrongRegisterIsRejected() throws Exception {
    CairoTrace trace = TestPrograms.trace("fibonacci", 5);
    String failure = violation(trace, m -> add(m, CairoColumns.AP, 7, Felt.ONE));
    assertTrue(failure.startsWith("instruction") || failure.startsWith("registers"), failure);
  }

  @Test
  void wrongMemoryValueIsRejected() throws Exception {
    CairoTrace trace = TestPrograms.trace("fibonacci", 5);
    // The immediate of "[ap] = 1" read as 2, with every CPU column made consistent with it: only
    // the memory argument can tell, since the program word at that address is public.
    Felt pushImmediate = Felt.of(0x480680017fff8000L);
    int row = 0;
    while (!trace.main().get(CairoColumns.INST).get(row).equals(pushImmediate)) {
      row++;
    }
    int r = row;
    String failure =
        violation(
            trace,
            m -> {
              add(m, CairoColumns.OP1, r, Felt.ONE);
              add(m, CairoColumns.RES, r, Felt.ONE);
              add(m, CairoColumns.DST, r, Felt.ONE);
              m.get(CairoColumns.MUL)
                  .set(r, m.get(CairoColumns.OP0).get(r).mul(m.get(CairoColumns.OP1).get(r)));
            });
    assertTrue(failure != null && failure.contains("memory"), failure);
  }

  @Test
  void cellReadWithTwoValuesIsRejected() throws Exception {
    CairoTrace trace = TestPrograms.trace("fibonacci", 5);
    int n = trace.air().traceLength();
    // The extra access of the second-to-last row repeats (pc, inst); read it with another value.
    String failure = violation(trace, m -> add(m, CairoColumns.EXTRA_VAL, n - 2, Felt.ONE));
    assertTrue(failure != null && failure.startsWith("memory"), failure);
  }

  @Test
  void rangeCheckedValueOutOfRangeIsRejected() throws Exception {
    CairoTrace trace = TestPrograms.trace("fibonacci", 5);
    int n = trace.air().traceLength();
    String failure =
        violation(trace, m -> m.get(CairoColumns.RC_HOLE).set(n - 2, Felt.of((1 << 16) + 3)));
    assertTrue(failure != null && failure.contains("range-check"), failure);
  }

  @Test
  void offsetShiftedBy2To16IsRejected() throws Exception {
    CairoTrace trace = TestPrograms.trace("fibonacci", 5);
    // off_dst + 2^16 and off_op0 − 1 pack to the same instruction word and move dst by 2^16.
    String failure =
        violation(
            trace,
            m -> {
              add(m, CairoColumns.OFF_DST, 3, Felt.of(1 << 16));
              add(m, CairoColumns.OFF_OP0, 3, Felt.ONE.neg());
              add(m, CairoColumns.DST_ADDR, 3, Felt.of(1 << 16));
              add(m, CairoColumns.OP0_ADDR, 3, Felt.ONE.neg());
            });
    assertTrue(failure != null, "accepted");
  }

  @Test
  void wrongFinalApIsRejected() throws Exception {
    CairoTrace trace = TestPrograms.trace("fibonacci", 5);
    int last = (int) trace.statement().claim().steps() - 1;
    String failure = violation(trace, m -> add(m, CairoColumns.AP, last, Felt.ONE));
    assertTrue(failure != null, "accepted");
  }

  @Test
  void corruptedRangeCheckBuiltinCellIsRejected() throws Exception {
    CairoTrace trace = TestPrograms.trace("sum_of_squares", 3, 4, 1L << 40);
    assertEquals(List.of(Felt.of(25).add(Felt.of(1L << 40).square())), trace.statement().output());
    assertEquals(87, trace.air().transitionDegrees().size());
    assertEquals(null, violation(trace, m -> {}));
    String failure = violation(trace, m -> add(m, CairoColumns.RC_BUILTIN_LIMBS + 7, 0, Felt.ONE));
    assertTrue(failure != null && failure.startsWith("range-check-builtin"), failure);
    // Limbs (3 + 2^16, −1, 0, …) still sum to the cell's value 3, but leave [0, 2^16).
    String shifted =
        violation(
            trace,
            m -> {
              add(m, CairoColumns.RC_BUILTIN_LIMBS, 0, Felt.of(1 << 16));
              add(m, CairoColumns.RC_BUILTIN_LIMBS + 1, 0, Felt.ONE.neg());
            });
    assertTrue(shifted != null && shifted.contains("[limbs]"), shifted);
  }
}
