package io.cairn.prover;

import static io.cairn.prover.TestProofs.CONTEXT;
import static io.cairn.prover.TestProofs.TEST_MIN_BITS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.air.Air;
import io.cairn.air.OodFrame;
import io.cairn.air.ProofCodec;
import io.cairn.air.QueriedRows;
import io.cairn.air.StarkProof;
import io.cairn.air.examples.FibonacciAir;
import io.cairn.crypto.BatchOpening;
import io.cairn.crypto.Digest;
import io.cairn.fri.FriLayerQueries;
import io.cairn.fri.FriProof;
import io.cairn.math.Felt;
import io.cairn.verifier.StarkVerifier;
import io.cairn.verifier.VerificationException;
import io.cairn.verifier.VerificationException.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One tampering per check the verifier makes, each rejected with the kind naming that check. */
class TamperTest {

  private static final StarkProof PROOF = TestProofs.fibonacciProof();
  private static final Air AIR = TestProofs.fibonacciAir();
  private final StarkVerifier verifier = new StarkVerifier(TEST_MIN_BITS);

  private Kind rejection(Air air, StarkProof proof, byte[] context) {
    return assertThrows(VerificationException.class, () -> verifier.verify(air, proof, context))
        .kind();
  }

  private Kind rejection(StarkProof proof) {
    return rejection(AIR, proof, CONTEXT);
  }

  private static <T> List<T> replaced(List<T> list, int index, T value) {
    List<T> copy = new ArrayList<>(list);
    copy.set(index, value);
    return copy;
  }

  private static StarkProof withTraceQueries(StarkProof p, QueriedRows rows) {
    return new StarkProof(
        p.options(),
        p.traceRoots(),
        p.compositionRoot(),
        p.ood(),
        p.fri(),
        p.powNonce(),
        List.of(rows),
        p.compositionQueries());
  }

  private static final Digest OTHER = Digest.of(new byte[32]);

  @Test
  void wrongPublicInput() {
    Felt result = FibonacciAir.resultOf(FibonacciAir.buildTrace(TestProofs.FIB_ROWS));
    Air other = new FibonacciAir(TestProofs.FIB_ROWS, result.add(Felt.ONE));
    assertEquals(Kind.OOD_CONSTRAINT_MISMATCH, rejection(other, PROOF, CONTEXT));
  }

  @Test
  void wrongContext() {
    byte[] otherLease = "lease-43".getBytes(StandardCharsets.UTF_8);
    assertEquals(Kind.OOD_CONSTRAINT_MISMATCH, rejection(AIR, PROOF, otherLease));
  }

  @Test
  void wrongPublicInputOfTheRapExample() {
    StarkProof proof =
        new StarkProver(TestProofs.FAST)
            .prove(TestProofs.permutationAir(), TestProofs.permutationTrace(), CONTEXT);
    Air other =
        new io.cairn.air.examples.PermutationAir(32, TestProofs.PERMUTATION_START.add(Felt.ONE));
    assertEquals(Kind.OOD_CONSTRAINT_MISMATCH, rejection(other, proof, CONTEXT));
  }

  @Test
  void proofForAnotherAir() {
    assertEquals(Kind.MALFORMED_PROOF, rejection(TestProofs.permutationAir(), PROOF, CONTEXT));
  }

  @Test
  void alteredTraceCommitment() {
    StarkProof p = PROOF;
    StarkProof bad =
        new StarkProof(
            p.options(),
            List.of(OTHER),
            p.compositionRoot(),
            p.ood(),
            p.fri(),
            p.powNonce(),
            p.traceQueries(),
            p.compositionQueries());
    assertEquals(Kind.OOD_CONSTRAINT_MISMATCH, rejection(bad));
  }

  @Test
  void alteredOutOfDomainValues() {
    StarkProof p = PROOF;
    OodFrame ood = p.ood();
    Felt shifted = ood.next().get(1).add(Felt.ONE);
    StarkProof bad =
        new StarkProof(
            p.options(),
            p.traceRoots(),
            p.compositionRoot(),
            new OodFrame(ood.current(), replaced(ood.next(), 1, shifted), ood.compositionParts()),
            p.fri(),
            p.powNonce(),
            p.traceQueries(),
            p.compositionQueries());
    assertEquals(Kind.OOD_CONSTRAINT_MISMATCH, rejection(bad));
  }

  @Test
  void alteredFriLayerValue() {
    StarkProof p = PROOF;
    FriProof fri = p.fri();
    FriLayerQueries layer = fri.layerQueries().get(0);
    Felt shifted = layer.values().get(0).add(Felt.ONE);
    FriLayerQueries badLayer =
        new FriLayerQueries(replaced(layer.values(), 0, shifted), layer.opening());
    FriProof badFri =
        new FriProof(fri.layerRoots(), fri.remainder(), replaced(fri.layerQueries(), 0, badLayer));
    StarkProof bad =
        new StarkProof(
            p.options(),
            p.traceRoots(),
            p.compositionRoot(),
            p.ood(),
            badFri,
            p.powNonce(),
            p.traceQueries(),
            p.compositionQueries());
    assertEquals(Kind.FRI_LAYER_OPENING, rejection(bad));
  }

  @Test
  void wrongMerklePath() {
    QueriedRows rows = PROOF.traceQueries().get(0);
    BatchOpening opening = rows.opening();
    BatchOpening badOpening = new BatchOpening(replaced(opening.siblings(), 0, OTHER));
    assertEquals(
        Kind.TRACE_OPENING,
        rejection(withTraceQueries(PROOF, new QueriedRows(rows.values(), badOpening))));
  }

  @Test
  void wrongQueryAnswer() {
    QueriedRows rows = PROOF.traceQueries().get(0);
    Felt shifted = rows.values().get(3).add(Felt.ONE);
    QueriedRows bad = new QueriedRows(replaced(rows.values(), 3, shifted), rows.opening());
    assertEquals(Kind.TRACE_OPENING, rejection(withTraceQueries(PROOF, bad)));

    StarkProof p = PROOF;
    QueriedRows parts = p.compositionQueries();
    QueriedRows badParts =
        new QueriedRows(replaced(parts.values(), 0, parts.values().get(0).neg()), parts.opening());
    StarkProof badComposition =
        new StarkProof(
            p.options(),
            p.traceRoots(),
            p.compositionRoot(),
            p.ood(),
            p.fri(),
            p.powNonce(),
            p.traceQueries(),
            badParts);
    assertEquals(Kind.COMPOSITION_OPENING, rejection(badComposition));
  }

  @Test
  void insufficientGrinding() {
    StarkProof p = PROOF;
    boolean found = false;
    for (long delta = 1; delta < 64 && !found; delta++) {
      StarkProof bad =
          new StarkProof(
              p.options(),
              p.traceRoots(),
              p.compositionRoot(),
              p.ood(),
              p.fri(),
              p.powNonce() + delta,
              p.traceQueries(),
              p.compositionQueries());
      Kind kind = rejection(bad);
      found = kind == Kind.PROOF_OF_WORK;
    }
    assertTrue(found, "some other nonce must fail the proof-of-work check");
  }

  @Test
  void truncatedProof() {
    byte[] bytes = ProofCodec.encode(PROOF);
    for (int length : new int[] {0, 4, 5, 8, 100, bytes.length / 2, bytes.length - 1}) {
      byte[] truncated = Arrays.copyOf(bytes, length);
      VerificationException e =
          assertThrows(VerificationException.class, () -> verifier.verify(AIR, truncated, CONTEXT));
      assertEquals(Kind.MALFORMED_PROOF, e.kind(), "length " + length);
    }
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
    assertEquals(
        Kind.MALFORMED_PROOF,
        assertThrows(VerificationException.class, () -> verifier.verify(AIR, longer, CONTEXT))
            .kind());
  }

  @Test
  void optionsBelowTheCallersMinimum() {
    VerificationException e =
        assertThrows(
            VerificationException.class, () -> new StarkVerifier(100).verify(AIR, PROOF, CONTEXT));
    assertEquals(Kind.INSUFFICIENT_SECURITY, e.kind());
  }
}
