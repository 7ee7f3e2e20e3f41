package io.cairn.cairo.air;

import io.cairn.cairo.air.CairoVerificationException.Kind;
import io.cairn.math.Felt;
import io.cairn.verifier.StarkVerifier;
import io.cairn.verifier.VerificationException;
import java.util.List;

/**
 * Checks a donor's Cairo proof against the statement the server rebuilds itself: the program (its
 * JSON, as uploaded by the organization), the input group, the expected output and the lease id.
 * Returns normally when the proof is valid; otherwise throws a {@link CairoVerificationException}
 * naming the failed check. Depends on neither the VM nor the prover.
 *
 * <pre>{@code
 * List<Felt> output = CairoVerifier.claimedOutput(proofBytes);   // what the donor says
 * CairoVerifier.verify(programJson, input, output, leaseId, 128, proofBytes);
 * }</pre>
 */
public final class CairoVerifier {

  private CairoVerifier() {}

  /**
   * Verifies {@code proof} for the program given as its {@code cairo-compile} JSON.
   *
   * @param minSecurityBits the least conjectured security the proof's options must give
   */
  public static void verify(
      byte[] programJson,
      List<Felt> input,
      List<Felt> claimedOutput,
      String leaseId,
      int minSecurityBits,
      byte[] proof)
      throws CairoVerificationException {
    ProvableProgram program;
    try {
      program = ProvableProgram.fromJson(programJson);
    } catch (CairoStatementException e) {
      throw new CairoVerificationException(Kind.INVALID_PROGRAM, e.getMessage(), e);
    }
    verify(program, input, claimedOutput, leaseId, minSecurityBits, proof);
  }

  /** Verifies {@code proof} for an already loaded program. */
  public static void verify(
      ProvableProgram program,
      List<Felt> input,
      List<Felt> claimedOutput,
      String leaseId,
      int minSecurityBits,
      byte[] proof)
      throws CairoVerificationException {
    CairoProofFile file = CairoProofFile.decode(proof);
    if (!file.output().equals(claimedOutput)) {
      throw new CairoVerificationException(
          Kind.OUTPUT_MISMATCH, "the proof claims another output", null);
    }
    CairoStatement statement =
        new CairoStatement(program, input, claimedOutput, leaseId, file.claim());
    CairoAir air;
    try {
      air = new CairoAir(statement);
    } catch (UnsupportedBuiltinException e) {
      throw new CairoVerificationException(Kind.UNSUPPORTED_BUILTIN, e.getMessage(), e);
    } catch (CairoStatementException e) {
      throw new CairoVerificationException(Kind.INCONSISTENT_CLAIM, e.getMessage(), e);
    }
    try {
      new StarkVerifier(minSecurityBits).verify(air, file.stark(), statement.context());
    } catch (VerificationException e) {
      throw new CairoVerificationException(Kind.STARK_REJECTED, e.getMessage(), e);
    } catch (ArithmeticException | IllegalArgumentException e) {
      // E.g. a challenge that zeroes a public-memory denominator: negligible for honest
      // transcripts, but an adversarial proof must still get a typed rejection.
      throw new CairoVerificationException(Kind.STARK_REJECTED, e.toString(), e);
    }
  }

  /**
   * The output a proof file claims, for a validator that takes the result from the upload; verify
   * the proof before trusting it.
   */
  public static List<Felt> claimedOutput(byte[] proof) throws CairoVerificationException {
    return CairoProofFile.decode(proof).output();
  }

  /** The step count a proof file claims (bound by the proof once it verifies). */
  public static long claimedSteps(byte[] proof) throws CairoVerificationException {
    return CairoProofFile.decode(proof).claim().steps();
  }
}
