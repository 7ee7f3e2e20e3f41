package io.cairn.fri;

import io.cairn.crypto.BatchOpening;
import io.cairn.math.Felt;
import java.util.List;

/**
 * The opened leaves of one committed FRI layer.
 *
 * @param values two values per opened leaf (the pair {@code f(x), f(−x)}), leaves in increasing
 *     index order
 * @param opening the batch opening of those leaves against the layer root
 */
public record FriLayerQueries(List<Felt> values, BatchOpening opening) {

  /** Copies the list so the record is immutable. */
  public FriLayerQueries {
    values = List.copyOf(values);
  }
}
