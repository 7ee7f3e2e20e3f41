package io.cairn.daemon.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cairn.cairo.air.CairoVerificationException;
import io.cairn.cairo.air.CairoVerificationException.Kind;
import io.cairn.verifier.VerificationException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The adapter's rejections. A valid Cairo proof needs the prover, which this module must not depend
 * on; the accepting path is covered end to end where a proof is made (apps, demo).
 */
class CairoProofVerifierTest {
  private static ProofStatement statement(String programJson) {
    return new ProofStatement(
        programJson.getBytes(StandardCharsets.UTF_8),
        "ab".repeat(32),
        List.of(BigInteger.ONE),
        List.of(BigInteger.TWO),
        "lease-token",
        1000,
        100);
  }

  @Test
  void garbageIsAMalformedProof() {
    ProofRejectedException e =
        assertThrows(
            ProofRejectedException.class,
            () -> new CairoProofVerifier().verify(statement("{}"), new byte[] {1, 2, 3}));
    assertEquals(RejectionKind.MALFORMED_PROOF, e.kind());
  }

  @Test
  void everyCairoRejectionHasAValidatorKind() {
    assertEquals(
        RejectionKind.INVALID_PROGRAM,
        CairoProofVerifier.kindOf(
            new CairoVerificationException(Kind.UNSUPPORTED_BUILTIN, "x", null)));
    assertEquals(
        RejectionKind.OUTPUT_MISMATCH,
        CairoProofVerifier.kindOf(new CairoVerificationException(Kind.OUTPUT_MISMATCH, "x", null)));
    assertEquals(
        RejectionKind.INSUFFICIENT_SECURITY,
        CairoProofVerifier.kindOf(
            new CairoVerificationException(
                Kind.STARK_REJECTED,
                "x",
                new VerificationException(VerificationException.Kind.INSUFFICIENT_SECURITY, "x"))));
    assertEquals(
        RejectionKind.STARK_REJECTED,
        CairoProofVerifier.kindOf(
            new CairoVerificationException(
                Kind.STARK_REJECTED,
                "x",
                new VerificationException(VerificationException.Kind.FRI_FOLDING, "x"))));
    for (Kind k : Kind.values()) {
      CairoProofVerifier.kindOf(new CairoVerificationException(k, "x", null));
    }
  }
}
