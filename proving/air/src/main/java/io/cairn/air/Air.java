package io.cairn.air;

import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import java.util.List;

/**
 * An algebraic intermediate representation: the statement "a trace exists whose rows satisfy these
 * polynomial constraints", which the STARK prover proves and the verifier checks.
 *
 * <p>How to write one:
 *
 * <ol>
 *   <li>Fix the trace shape: {@link #traceLength} (a power of two) and {@link #mainWidth}.
 *   <li>Write the transition constraints in {@link #evaluateTransition}: each is a polynomial in
 *       the current and the next row that is zero on every row but the last. Declare each one's
 *       degree in {@link #transitionDegrees}. This one method serves the prover (over the LDE
 *       domain), the verifier (at the out-of-domain point) and {@link TraceChecker} (on the trace
 *       rows).
 *   <li>Pin cells with {@link #assertions}: (column, row, value) boundary constraints.
 *   <li>Serialise everything the statement depends on in {@link #publicInputs}: the transcript
 *       absorbs it before the first challenge, so a proof for other public inputs fails.
 *   <li>Optionally, for permutation arguments (a RAP), declare {@link #auxWidth} auxiliary columns
 *       and {@link #numAuxChallenges} challenges, and build them in {@link #buildAuxTrace}: the
 *       prover commits the main trace, draws the challenges, then builds and commits the aux trace.
 * </ol>
 *
 * <p>An instance describes one statement (its trace length and public inputs), so the verifier
 * constructs it from what it already knows, never from the proof.
 */
public interface Air {

  /** A stable identifier of the constraint system, absorbed into the transcript. */
  String name();

  /** The number of rows, a power of two of at least 8. */
  int traceLength();

  /** The number of main columns. */
  int mainWidth();

  /** The number of auxiliary (RAP) columns, committed after the challenges are drawn. */
  default int auxWidth() {
    return 0;
  }

  /** The number of challenges drawn after the main commitment, given to the aux columns. */
  default int numAuxChallenges() {
    return 0;
  }

  /**
   * The degree of each transition constraint in the trace columns; the list size is their count.
   */
  List<Integer> transitionDegrees();

  /**
   * Writes the value of every transition constraint at {@code frame} into {@code result} (one slot
   * per entry of {@link #transitionDegrees}). Must be a pure function of its arguments.
   *
   * @param challenges the aux challenges (empty without aux columns)
   */
  void evaluateTransition(EvaluationFrame frame, Felt[] challenges, Felt[] result);

  /** The boundary constraints; those on aux columns may depend on the challenges. */
  List<Assertion> assertions(Felt[] challenges);

  /** The canonical serialisation of the public inputs. */
  byte[] publicInputs();

  /**
   * Prover side only: builds the aux columns from the main trace and the challenges. The verifier
   * never calls it. The returned columns must be fresh: the prover takes them over (it interpolates
   * them in place).
   */
  default List<FeltVector> buildAuxTrace(List<FeltVector> main, Felt[] challenges) {
    if (auxWidth() != 0) {
      throw new UnsupportedOperationException(name() + " declares aux columns but no builder");
    }
    return List.of();
  }
}
