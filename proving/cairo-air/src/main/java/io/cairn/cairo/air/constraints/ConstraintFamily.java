package io.cairn.cairo.air.constraints;

import io.cairn.air.EvaluationFrame;
import io.cairn.math.Felt;
import java.util.List;

/**
 * A group of transition constraints written once, evaluated on a frame (current and next row) by
 * the prover over the LDE, by the verifier at the out-of-domain point and by the trace checker in
 * tests, all through {@code CairoAir.evaluateTransition}.
 *
 * <p>Every constraint must vanish on every row but the last.
 */
public interface ConstraintFamily {

  /** A short name, used in violation messages. */
  String name();

  /** The degree of each constraint in the trace columns; the list size is their count. */
  List<Integer> degrees();

  /**
   * Writes the family's constraint values into {@code out[offset..offset+degrees().size())}.
   *
   * @param challenges {@link CairoChallenges} order: z and α of the memory, z of the range check
   */
  void evaluate(EvaluationFrame frame, Felt[] challenges, Felt[] out, int offset);
}
