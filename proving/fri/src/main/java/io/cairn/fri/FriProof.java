package io.cairn.fri;

import io.cairn.crypto.Digest;
import io.cairn.math.Felt;
import java.util.List;

/**
 * What the FRI prover sends: the committed layer roots, the remainder polynomial and, for each
 * committed layer, the opened value pairs with their batch opening.
 *
 * @param layerRoots Merkle roots of layers 1 to {@code numFolds − 1}
 * @param remainder coefficients of the last layer, lowest degree first
 * @param layerQueries one entry per committed layer, in layer order
 */
public record FriProof(
    List<Digest> layerRoots, List<Felt> remainder, List<FriLayerQueries> layerQueries) {

  /** Copies the lists so the record is immutable. */
  public FriProof {
    layerRoots = List.copyOf(layerRoots);
    remainder = List.copyOf(remainder);
    layerQueries = List.copyOf(layerQueries);
  }
}
