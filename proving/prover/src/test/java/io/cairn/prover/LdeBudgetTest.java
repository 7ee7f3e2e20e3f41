package io.cairn.prover;

import static io.cairn.prover.TestProofs.CONTEXT;
import static io.cairn.prover.TestProofs.FAST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.air.Air;
import io.cairn.air.ProofCodec;
import io.cairn.air.StarkLayout;
import io.cairn.air.examples.FibonacciAir;
import io.cairn.crypto.Keccak256;
import io.cairn.crypto.MerkleTree;
import io.cairn.crypto.RowLeaves;
import io.cairn.fri.EvaluationDomain;
import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import io.cairn.math.Fft;
import io.cairn.verifier.StarkVerifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The two ways a committed table works, keeping its whole LDE (within the memory budget) or only
 * coefficients and the Merkle tree, extended one coset at a time, give the same commitments, rows,
 * checkpoints and proofs, byte for byte.
 */
class LdeBudgetTest {

  private static final StarkProver KEEPING =
      new StarkProver(FAST, Keccak256.INSTANCE, Long.MAX_VALUE);
  private static final StarkProver STREAMING = new StarkProver(FAST, Keccak256.INSTANCE, 0);

  private static byte[] prove(StarkProver prover, Air air, List<FeltVector> trace) {
    return ProofCodec.encode(prover.prove(air, trace, CONTEXT));
  }

  private static void assertSameProof(Air air, Supplier<List<FeltVector>> trace) {
    assertTrue(KEEPING.start(air, trace.get(), CONTEXT).keepsLde());
    assertFalse(STREAMING.start(air, trace.get(), CONTEXT).keepsLde());
    byte[] expected = prove(KEEPING, air, trace.get());
    byte[] proof = prove(STREAMING, air, trace.get());
    assertArrayEquals(expected, proof);
    assertDoesNotThrow(
        () -> new StarkVerifier(TestProofs.TEST_MIN_BITS).verify(air, proof, CONTEXT));
  }

  @Test
  void bothPathsGiveTheSameFibonacciProof() {
    // no aux columns, one composition part: round 3 evaluates one coset
    assertSameProof(TestProofs.fibonacciAir(), () -> FibonacciAir.buildTrace(TestProofs.FIB_ROWS));
  }

  @Test
  void bothPathsGiveTheSamePermutationProof() {
    // aux columns and two composition parts: round 3 evaluates two cosets
    assertSameProof(TestProofs.permutationAir(), TestProofs::permutationTrace);
  }

  @Test
  void theDefaultBudgetIsAThirdOfTheHeap() {
    Air air = TestProofs.permutationAir();
    long bytes = ProvingSession.ldeBytes(air, new StarkLayout(air, FAST));
    assertEquals((3 + 1 + 2) * 32L * 4 * 32, bytes); // 3 main, 1 aux, 2 parts; N = 4·32
    assertTrue(new StarkProver(FAST).start(air, TestProofs.permutationTrace(), CONTEXT).keepsLde());
    assertFalse(
        new StarkProver(FAST, Keccak256.INSTANCE, bytes - 1)
            .start(air, TestProofs.permutationTrace(), CONTEXT)
            .keepsLde());
    assertTrue(
        new StarkProver(FAST, Keccak256.INSTANCE, bytes)
            .start(air, TestProofs.permutationTrace(), CONTEXT)
            .keepsLde());
  }

  @Test
  void checkpointsAreTheSameAndResumeAcrossPaths() throws Exception {
    Air air = TestProofs.permutationAir();
    byte[] expected = prove(KEEPING, air, TestProofs.permutationTrace());
    for (int rounds = 1; rounds <= 3; rounds++) {
      byte[][] checkpoints = new byte[2][];
      int i = 0;
      for (StarkProver prover : List.of(KEEPING, STREAMING)) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProverCheckpointTest.stoppedAfter(prover, rounds).writeCheckpoint(out);
        checkpoints[i++] = out.toByteArray();
      }
      assertArrayEquals(checkpoints[0], checkpoints[1], "checkpoint after round " + rounds);
      // restored tables never keep an LDE; the rounds still to run follow the resuming prover
      ProvingSession resumed =
          KEEPING.resume(
              air,
              TestProofs.permutationTrace(),
              CONTEXT,
              new ByteArrayInputStream(checkpoints[1]));
      assertArrayEquals(
          expected,
          ProofCodec.encode(ProverCheckpointTest.finish(resumed, rounds)),
          "resumed after round " + rounds);
    }
  }

  @Test
  void cosetsAndOpenedRowsMatchTheWholeExtension() {
    int n = 16;
    int blowup = 8;
    EvaluationDomain domain = new EvaluationDomain(7, Felt.of(3));
    List<FeltVector> coefficients = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      FeltVector column = new FeltVector(n);
      for (int i = 0; i < n; i++) {
        column.set(i, Felt.of(1000L * c + 7L * i + 1).square());
      }
      coefficients.add(column);
    }
    List<FeltVector> lde = Fft.evaluateOnCoset(coefficients, domain.offset(), n * blowup);
    CommittedTable streamed =
        CommittedTable.fromCoefficients(Keccak256.INSTANCE, coefficients, domain, false);
    CommittedTable kept =
        CommittedTable.fromCoefficients(Keccak256.INSTANCE, coefficients, domain, true);
    assertFalse(streamed.keepsLde());
    assertTrue(kept.keepsLde());
    assertEquals(
        MerkleTree.build(Keccak256.INSTANCE, RowLeaves.hashColumns(Keccak256.INSTANCE, lde, true))
            .root(),
        streamed.tree().root());
    assertEquals(kept.tree().root(), streamed.tree().root());
    for (int j = 0; j < blowup; j++) {
      for (CommittedTable table : List.of(streamed, kept)) {
        List<FeltVector> coset = table.coset(j);
        for (int c = 0; c < 3; c++) {
          for (int k = 0; k < n; k++) {
            assertEquals(lde.get(c).get(j + blowup * k), coset.get(c).get(k), "coset " + j);
          }
        }
      }
    }
    int[] positions = {0, 1, 17, 40, 41, 99, 127};
    assertEquals(kept.open(positions), streamed.open(positions));
    List<Felt> opened = streamed.open(positions).values();
    for (int q = 0; q < positions.length; q++) {
      int row = EvaluationDomain.bitReverse(positions[q], domain.logSize());
      for (int c = 0; c < 3; c++) {
        assertEquals(lde.get(c).get(row), opened.get(3 * q + c));
      }
    }
  }

  @Test
  void bothPathsRefuseATraceThatBreaksTheConstraints() {
    for (StarkProver prover : List.of(KEEPING, STREAMING)) {
      List<FeltVector> trace = FibonacciAir.buildTrace(TestProofs.FIB_ROWS);
      trace.get(0).set(5, Felt.of(7));
      assertThrows(
          IllegalArgumentException.class,
          () -> prover.prove(TestProofs.fibonacciAir(), trace, CONTEXT));
    }
  }
}
