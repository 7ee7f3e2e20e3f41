package io.cairn.air;

import io.cairn.math.Felt;
import java.util.List;

/**
 * The out-of-domain evaluations the prover sends: every trace column (main then aux) at z and at
 * g·z, and every composition part at z.
 *
 * @param current {@code t_j(z)}
 * @param next {@code t_j(g·z)}
 * @param compositionParts {@code H_i(z)}
 */
public record OodFrame(List<Felt> current, List<Felt> next, List<Felt> compositionParts) {

  /** Copies the lists so the record is immutable. */
  public OodFrame {
    current = List.copyOf(current);
    next = List.copyOf(next);
    compositionParts = List.copyOf(compositionParts);
  }
}
