package io.cairn.prover;

import io.cairn.crypto.Digest;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where a {@link ProvingSession} stood after one of its commitment rounds: the number of completed
 * rounds, the commitments made so far and the transcript state: a summary for logs and comparisons.
 * What a stopped prover persists to resume without redoing these rounds is the stream of {@link
 * ProvingSession#writeCheckpoint}, which {@link StarkProver#resume} reads.
 *
 * @param completedRounds how many of the rounds 1 (main trace), 2 (aux trace) and 3 (composition)
 *     are done
 * @param commitments the roots committed so far, in round order
 * @param transcript the transcript snapshot after the last completed round
 */
public record ProverCheckpoint(int completedRounds, List<Digest> commitments, byte[] transcript) {

  /** Validates and copies. */
  public ProverCheckpoint {
    if (completedRounds < 1 || completedRounds > 3) {
      throw new IllegalArgumentException("checkpoints exist after rounds 1 to 3");
    }
    commitments = List.copyOf(commitments);
    transcript = transcript.clone();
  }

  @Override
  public byte[] transcript() {
    return transcript.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ProverCheckpoint c
        && completedRounds == c.completedRounds
        && commitments.equals(c.commitments)
        && Arrays.equals(transcript, c.transcript);
  }

  @Override
  public int hashCode() {
    return Objects.hash(completedRounds, commitments, Arrays.hashCode(transcript));
  }

  @Override
  public String toString() {
    return "ProverCheckpoint[after round " + completedRounds + ", " + commitments + "]";
  }
}
