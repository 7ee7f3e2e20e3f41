package io.cairn.prover;

import static io.cairn.prover.TestProofs.CONTEXT;
import static io.cairn.prover.TestProofs.FAST;
import static io.cairn.prover.TestProofs.TEST_MIN_BITS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cairn.air.ProofCodec;
import io.cairn.air.StarkProof;
import io.cairn.air.examples.FibonacciAir;
import io.cairn.crypto.Blake2s256;
import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import io.cairn.verifier.StarkVerifier;
import io.cairn.verifier.VerificationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StarkProofTest {

  private final StarkVerifier verifier = new StarkVerifier(TEST_MIN_BITS);

  @Test
  void fibonacciProofVerifies() {
    StarkProof proof = TestProofs.fibonacciProof();
    assertDoesNotThrow(() -> verifier.verify(TestProofs.fibonacciAir(), proof, CONTEXT));
  }

  @Test
  void encodedFibonacciProofRoundTripsAndVerifies() throws Exception {
    StarkProof proof = TestProofs.fibonacciProof();
    byte[] bytes = ProofCodec.encode(proof);
    assertEquals(proof, ProofCodec.decode(bytes));
    assertArrayEquals(bytes, ProofCodec.encode(ProofCodec.decode(bytes)));
    assertDoesNotThrow(() -> verifier.verify(TestProofs.fibonacciAir(), bytes, CONTEXT));
  }

  @Test
  void provingIsDeterministicRoundByRound() {
    List<FeltVector> trace = FibonacciAir.buildTrace(TestProofs.FIB_ROWS);
    ProvingSession session = new StarkProver(FAST).start(TestProofs.fibonacciAir(), trace, CONTEXT);
    session.commitMainTrace();
    byte[] afterMain = session.transcriptSnapshot();
    ProvingSession again = new StarkProver(FAST).start(TestProofs.fibonacciAir(), trace, CONTEXT);
    again.commitMainTrace();
    assertArrayEquals(afterMain, again.transcriptSnapshot());
    for (ProvingSession s : List.of(session, again)) {
      s.commitAuxTrace();
      s.commitComposition();
      s.openOutOfDomain();
      s.commitFriLayers();
      s.grind();
    }
    assertEquals(session.answerQueries(), again.answerQueries());
    assertEquals(TestProofs.fibonacciProof(), TestProofs.fibonacciProof());
  }

  @Test
  void permutationProofWithAuxColumnAndTwoCompositionPartsVerifies() throws Exception {
    StarkProof proof =
        new StarkProver(FAST)
            .prove(TestProofs.permutationAir(), TestProofs.permutationTrace(), CONTEXT);
    assertEquals(2, proof.traceRoots().size());
    assertEquals(2, proof.ood().compositionParts().size());
    byte[] bytes = ProofCodec.encode(proof);
    assertEquals(proof, ProofCodec.decode(bytes));
    assertDoesNotThrow(() -> verifier.verify(TestProofs.permutationAir(), bytes, CONTEXT));
  }

  @Test
  void anotherHashWorksEndToEndAndIsBoundIntoTheProof() {
    StarkProof proof =
        new StarkProver(FAST, Blake2s256.INSTANCE)
            .prove(
                TestProofs.fibonacciAir(), FibonacciAir.buildTrace(TestProofs.FIB_ROWS), CONTEXT);
    assertDoesNotThrow(
        () ->
            new StarkVerifier(TEST_MIN_BITS, Blake2s256.INSTANCE)
                .verify(TestProofs.fibonacciAir(), proof, CONTEXT));
    assertThrows(
        VerificationException.class,
        () -> verifier.verify(TestProofs.fibonacciAir(), proof, CONTEXT));
  }

  @Test
  void invalidTraceIsRefusedByTheProver() {
    List<FeltVector> trace = FibonacciAir.buildTrace(TestProofs.FIB_ROWS);
    trace.get(0).set(5, Felt.of(7));
    assertThrows(
        IllegalArgumentException.class,
        () -> new StarkProver(FAST).prove(TestProofs.fibonacciAir(), trace, CONTEXT));
  }

  @Test
  void nonPermutationIsRefusedByTheProver() {
    List<FeltVector> trace = TestProofs.permutationTrace();
    Felt duplicate = trace.get(1).get(0);
    trace.get(1).set(1, duplicate);
    trace.get(2).set(1, duplicate.square().mul(duplicate));
    assertThrows(
        IllegalArgumentException.class,
        () -> new StarkProver(FAST).prove(TestProofs.permutationAir(), trace, CONTEXT));
  }
}
