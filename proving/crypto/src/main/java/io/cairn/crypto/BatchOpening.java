package io.cairn.crypto;

import java.util.List;

/**
 * The sibling nodes that authenticate a set of Merkle leaves against a root: the minimal set,
 * ordered level by level from the leaves up and left to right within a level (see {@link
 * MerkleTree#open}).
 *
 * @param siblings the authentication nodes, in the order {@link MerkleVerifier} consumes them
 */
public record BatchOpening(List<Digest> siblings) {

  /** Copies the list so the record is immutable. */
  public BatchOpening {
    siblings = List.copyOf(siblings);
  }
}
