package io.cairn.verifier;

import io.cairn.air.Air;
import io.cairn.air.StarkLayout;
import io.cairn.air.StarkProof;
import io.cairn.verifier.VerificationException.Kind;

/**
 * Checks that a decoded proof has the shape the AIR and options imply (counts of roots, values and
 * parts), so the rounds can index into it safely. FRI checks its own shape.
 */
final class ProofShape {

  private ProofShape() {}

  static void check(Air air, StarkLayout layout, StarkProof proof) throws VerificationException {
    int tables = air.auxWidth() > 0 ? 2 : 1;
    int width = air.mainWidth() + air.auxWidth();
    int parts = layout.numCompositionParts();
    require(proof.traceRoots().size() == tables, "trace root count");
    require(proof.traceQueries().size() == tables, "trace query table count");
    require(proof.ood().current().size() == width, "out-of-domain values at z");
    require(proof.ood().next().size() == width, "out-of-domain values at g·z");
    require(proof.ood().compositionParts().size() == parts, "composition part count");
  }

  private static void require(boolean condition, String what) throws VerificationException {
    if (!condition) {
      throw new VerificationException(Kind.MALFORMED_PROOF, "unexpected " + what);
    }
  }
}
