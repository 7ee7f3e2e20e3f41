package io.cairn.orgcli;

import io.cairn.orgcli.model.Result;
import java.util.List;

/**
 * What {@code results download} writes next to each proof ({@code result-<id>.json}): everything
 * needed to re-verify the proof locally with the program file, and the answer itself.
 *
 * @param leaseToken the lease token bound into the proof; null if the server did not report it
 */
public record ResultFile(
    long resultId,
    long inputGroupId,
    String inputGroupName,
    long programId,
    List<String> input,
    List<String> output,
    String leaseToken,
    long steps,
    int securityBits,
    String validatedAt,
    String proofFile) {

  /** The file for {@code r} with its group's {@code input}. */
  public static ResultFile of(Result r, List<String> input, String proofFile) {
    return new ResultFile(
        r.resultId(),
        r.inputGroupId(),
        r.inputGroupName(),
        r.programId(),
        input,
        r.output(),
        r.leaseToken(),
        r.steps(),
        r.securityBits(),
        r.validatedAt(),
        proofFile);
  }
}
