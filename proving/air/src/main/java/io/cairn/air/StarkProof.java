package io.cairn.air;

import io.cairn.crypto.Digest;
import io.cairn.fri.FriProof;
import java.util.List;

/**
 * A STARK proof, in the order its parts are produced (docs/protocol.md). Encode it with {@link
 * ProofCodec}; records compare by value, so {@code decode(encode(p)).equals(p)}.
 *
 * @param options the options it was made with (the verifier checks their security)
 * @param traceRoots the main trace root, then the aux trace root if the AIR has aux columns
 * @param compositionRoot the root of the composition parts
 * @param ood the out-of-domain evaluations
 * @param fri the FRI layers, remainder and layer openings
 * @param powNonce the proof-of-work nonce
 * @param traceQueries the opened rows of each trace commitment, in {@code traceRoots} order
 * @param compositionQueries the opened rows of the composition parts
 */
public record StarkProof(
    ProofOptions options,
    List<Digest> traceRoots,
    Digest compositionRoot,
    OodFrame ood,
    FriProof fri,
    long powNonce,
    List<QueriedRows> traceQueries,
    QueriedRows compositionQueries) {

  /** Copies the lists so the record is immutable. */
  public StarkProof {
    traceRoots = List.copyOf(traceRoots);
    traceQueries = List.copyOf(traceQueries);
  }
}
