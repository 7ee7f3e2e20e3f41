package io.cairn.daemon.validator;

import io.cairn.air.ProofCodec;
import io.cairn.air.ProofFormatException;
import io.cairn.cairo.air.CairoProofFile;
import io.cairn.cairo.air.CairoVerificationException;
import io.cairn.cairo.air.CairoVerifier;
import io.cairn.math.Felt;
import io.cairn.verifier.VerificationException;
import java.math.BigInteger;
import java.util.List;

/**
 * The production {@link ProofVerifier}: Cairn's STARK verifier for Cairo programs ({@link
 * CairoVerifier}, proving/cairo-air), which depends on neither the VM nor the prover. It checks the
 * step limit from the proof's claim first (cheap), then the whole proof against the statement, and
 * reports the proven steps and the conjectured security of the proof's options.
 */
public final class CairoProofVerifier implements ProofVerifier {

  @Override
  public VerifiedProof verify(ProofStatement statement, byte[] proof)
      throws ProofRejectedException {
    try {
      CairoProofFile file = CairoProofFile.decode(proof);
      long steps = file.claim().steps();
      if (steps <= 0 || steps > statement.maxSteps()) {
        throw new ProofRejectedException(
            RejectionKind.TOO_MANY_STEPS, steps + " steps, limit " + statement.maxSteps());
      }
      CairoVerifier.verify(
          statement.programJson(),
          felts(statement.input()),
          felts(statement.claimedOutput()),
          statement.leaseToken(),
          statement.minSecurityBits(),
          proof);
      int bits =
          ProofCodec.decode(file.stark())
              .options()
              .conjecturedSecurityBits(file.claim().logTraceLength());
      return new VerifiedProof(steps, bits);
    } catch (CairoVerificationException e) {
      throw new ProofRejectedException(kindOf(e), e.getMessage(), e);
    } catch (ProofFormatException e) {
      // unreachable after a successful verification, which decoded the same bytes
      throw new ProofRejectedException(RejectionKind.MALFORMED_PROOF, e.getMessage(), e);
    }
  }

  @Override
  public List<BigInteger> claimedOutput(byte[] proof) throws ProofRejectedException {
    try {
      return CairoVerifier.claimedOutput(proof).stream().map(Felt::toBigInteger).toList();
    } catch (CairoVerificationException e) {
      throw new ProofRejectedException(kindOf(e), e.getMessage(), e);
    }
  }

  /** The validator's name for the check that failed. */
  static RejectionKind kindOf(CairoVerificationException e) {
    return switch (e.kind()) {
      case INVALID_PROGRAM, UNSUPPORTED_BUILTIN -> RejectionKind.INVALID_PROGRAM;
      case MALFORMED_PROOF -> RejectionKind.MALFORMED_PROOF;
      case OUTPUT_MISMATCH -> RejectionKind.OUTPUT_MISMATCH;
      case INCONSISTENT_CLAIM -> RejectionKind.INCONSISTENT_CLAIM;
      case STARK_REJECTED ->
          e.starkKind()
              .map(
                  k ->
                      k == VerificationException.Kind.INSUFFICIENT_SECURITY
                          ? RejectionKind.INSUFFICIENT_SECURITY
                          : k == VerificationException.Kind.MALFORMED_PROOF
                              ? RejectionKind.MALFORMED_PROOF
                              : RejectionKind.STARK_REJECTED)
              .orElse(RejectionKind.STARK_REJECTED);
    };
  }

  private static List<Felt> felts(List<BigInteger> values) {
    return values.stream().map(Felt::of).toList();
  }
}
