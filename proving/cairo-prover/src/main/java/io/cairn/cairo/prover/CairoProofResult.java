package io.cairn.cairo.prover;

import io.cairn.math.Felt;
import java.util.List;

/**
 * What the client uploads and reports after proving.
 *
 * @param proof the proof file bytes ({@code io.cairn.cairo.air.CairoProofFile})
 * @param output the program's output
 * @param steps the executed VM steps
 */
public record CairoProofResult(byte[] proof, List<Felt> output, long steps) {

  /** Copies the output. */
  public CairoProofResult {
    output = List.copyOf(output);
  }
}
