package io.cairn.orgcli;

import io.cairn.cairo.air.CairoVerificationException;
import io.cairn.cairo.air.CairoVerifier;
import io.cairn.math.Felt;
import java.math.BigInteger;
import java.util.List;

/**
 * Re-verifies a downloaded proof on this machine with Cairn's Cairo verifier, trusting neither the
 * donor nor the server: the statement is rebuilt from the organization's own program file, the
 * input, the lease token the proof is bound to, and the expected output (if given; otherwise the
 * output the proof claims, which the proof then proves).
 */
public final class LocalVerifier {
  /** The least conjectured security accepted by default (the validator's default too). */
  public static final int DEFAULT_MIN_SECURITY_BITS = 100;

  private LocalVerifier() {}

  /**
   * Verifies {@code proof}; returns the proven output.
   *
   * @param expectedOutput the output to insist on, or null to accept the one the proof claims
   * @throws ProofRejected naming the failed check
   */
  public static List<BigInteger> verify(
      byte[] programJson,
      List<BigInteger> input,
      List<BigInteger> expectedOutput,
      String leaseToken,
      int minSecurityBits,
      byte[] proof) {
    try {
      List<Felt> output =
          expectedOutput == null
              ? CairoVerifier.claimedOutput(proof)
              : expectedOutput.stream().map(Felt::of).toList();
      CairoVerifier.verify(
          programJson,
          input.stream().map(Felt::of).toList(),
          output,
          leaseToken,
          minSecurityBits,
          proof);
      return output.stream().map(Felt::toBigInteger).toList();
    } catch (CairoVerificationException e) {
      throw new ProofRejected("the proof is INVALID: " + e.getMessage(), e);
    }
  }
}
