package io.cairn.daemon.validator;

import java.math.BigInteger;
import java.util.List;

/**
 * The public statement a donor's proof must prove, rebuilt by the validator from the server's own
 * rows, never from what the donor sent (except the output, which the proof must bind).
 *
 * @param programJson the program as the organization uploaded it (the {@code cairo-compile} JSON),
 *     read from the blob store
 * @param programHash the program's bytecode hash as recorded at upload (hex SHA-256)
 * @param input the input group's felts
 * @param claimedOutput the output stated with the upload, or else the one the proof claims; the
 *     proof must prove exactly this output
 * @param leaseToken the lease id, absorbed into the proof's transcript
 * @param maxSteps the input group's step limit
 * @param minSecurityBits the least conjectured security a proof must give (configuration)
 */
public record ProofStatement(
    byte[] programJson,
    String programHash,
    List<BigInteger> input,
    List<BigInteger> claimedOutput,
    String leaseToken,
    long maxSteps,
    int minSecurityBits) {
  public ProofStatement {
    input = List.copyOf(input);
    claimedOutput = List.copyOf(claimedOutput);
  }
}
