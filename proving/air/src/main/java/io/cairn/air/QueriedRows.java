package io.cairn.air;

import io.cairn.crypto.BatchOpening;
import io.cairn.math.Felt;
import java.util.List;

/**
 * The rows of one committed table opened at the query positions.
 *
 * @param values the opened rows one after another, positions in increasing order
 * @param opening the batch opening of those rows against the table's root
 */
public record QueriedRows(List<Felt> values, BatchOpening opening) {

  /** Copies the list so the record is immutable. */
  public QueriedRows {
    values = List.copyOf(values);
  }
}
