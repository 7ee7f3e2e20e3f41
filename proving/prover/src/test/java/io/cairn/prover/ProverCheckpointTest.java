package io.cairn.prover;

import static io.cairn.prover.TestProofs.CONTEXT;
import static io.cairn.prover.TestProofs.FAST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cairn.air.ProofCodec;
import io.cairn.air.StarkProof;
import io.cairn.air.examples.FibonacciAir;
import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import io.cairn.prover.ProverCheckpointException.Kind;
import io.cairn.verifier.StarkVerifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints after rounds 1, 2 and 3 resume to the uninterrupted proof without redoing the
 * finished rounds; damaged or foreign checkpoints are refused with a typed error.
 */
class ProverCheckpointTest {

  private static final StarkProver PROVER = new StarkProver(FAST);

  /** The permutation AIR has a main table, an aux table and a two-part composition: 3 tables. */
  private static ProvingSession stoppedAfter(int rounds) {
    return stoppedAfter(PROVER, rounds);
  }

  static ProvingSession stoppedAfter(StarkProver prover, int rounds) {
    ProvingSession session =
        prover.start(TestProofs.permutationAir(), TestProofs.permutationTrace(), CONTEXT);
    session.commitMainTrace();
    if (rounds >= 2) {
      session.commitAuxTrace();
    }
    if (rounds >= 3) {
      session.commitComposition();
    }
    return session;
  }

  private static byte[] checkpointAfter(int rounds) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    stoppedAfter(rounds).writeCheckpoint(out);
    return out.toByteArray();
  }

  private static ProvingSession resume(byte[] checkpoint) throws Exception {
    return PROVER.resume(
        TestProofs.permutationAir(),
        TestProofs.permutationTrace(),
        CONTEXT,
        new ByteArrayInputStream(checkpoint));
  }

  static StarkProof finish(ProvingSession session, int completed) {
    if (completed < 2) {
      session.commitAuxTrace();
    }
    if (completed < 3) {
      session.commitComposition();
    }
    session.openOutOfDomain();
    session.commitFriLayers();
    session.grind();
    return session.answerQueries();
  }

  @Test
  void resumedProofsAreByteIdenticalVerifyAndSkipTheFinishedRounds() throws Exception {
    ProvingSession straight = stoppedAfter(1);
    StarkProof uninterrupted = finish(straight, 1);
    assertEquals(3, straight.computedTables());
    byte[] expected = ProofCodec.encode(uninterrupted);
    for (int rounds = 1; rounds <= 3; rounds++) {
      ProvingSession resumed = resume(checkpointAfter(rounds));
      assertEquals(rounds, resumed.restoredTables(), "tables loaded after round " + rounds);
      assertEquals(rounds, resumed.checkpoint().completedRounds());
      byte[] proof = ProofCodec.encode(finish(resumed, rounds));
      assertArrayEquals(expected, proof, "resumed after round " + rounds);
      assertEquals(
          3 - rounds, resumed.computedTables(), "only the unfinished rounds' tables are computed");
      assertDoesNotThrow(
          () ->
              new StarkVerifier(TestProofs.TEST_MIN_BITS)
                  .verify(TestProofs.permutationAir(), proof, CONTEXT));
    }
  }

  @Test
  void aCheckpointHoldsCoefficientsAndLeavesNotTheExtension() throws Exception {
    int n = TestProofs.permutationAir().traceLength();
    int leaves = 4 * n; // blowup 4
    long header = 8 + 1 + 1 + 40 + 32 + 40 + 1 + 4;
    long tables = 0;
    for (int width : new int[] {3, 1, 2}) { // main, aux, composition parts
      tables += 4 + 4 + 4 + 32 + 32L * width * n + 32L * leaves;
    }
    assertEquals(header + tables + 4, checkpointAfter(3).length);
  }

  @Test
  void aResumedSessionCheckpointsAgainToTheSameBytes() throws Exception {
    byte[] checkpoint = checkpointAfter(2);
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    resume(checkpoint).writeCheckpoint(again);
    assertArrayEquals(checkpoint, again.toByteArray());
  }

  @Test
  void truncatedCheckpointsAreRefused() throws Exception {
    byte[] checkpoint = checkpointAfter(3);
    for (int length : new int[] {0, 5, 40, 150, checkpoint.length / 2, checkpoint.length - 1}) {
      ProverCheckpointException e =
          assertThrows(
              ProverCheckpointException.class,
              () -> resume(Arrays.copyOf(checkpoint, length)),
              "length " + length);
      assertEquals(length < 8 ? Kind.CORRUPT : Kind.TRUNCATED, e.kind(), "length " + length);
    }
    byte[] longer = Arrays.copyOf(checkpoint, checkpoint.length + 1);
    assertEquals(
        Kind.CORRUPT, assertThrows(ProverCheckpointException.class, () -> resume(longer)).kind());
  }

  @Test
  void bitFlipsAnywhereAreRefused() throws Exception {
    byte[] checkpoint = checkpointAfter(3);
    List<Integer> positions = new ArrayList<>(List.of(0, 10, 20, 60, 100, 130, 140, 200));
    for (int p = 300; p < checkpoint.length; p += checkpoint.length / 37) {
      positions.add(p);
    }
    positions.add(checkpoint.length - 1);
    for (int position : positions) {
      byte[] flipped = checkpoint.clone();
      flipped[position] ^= (byte) (1 << (position % 8));
      ProverCheckpointException e =
          assertThrows(ProverCheckpointException.class, () -> resume(flipped), "byte " + position);
      assertEquals(Kind.CORRUPT, e.kind(), "byte " + position);
    }
    for (int old = 1; old <= 2; old++) { // 2 stored the LDE instead of the coefficients
      byte[] version = checkpoint.clone();
      version[8] = (byte) old;
      assertEquals(
          Kind.UNSUPPORTED_VERSION,
          assertThrows(ProverCheckpointException.class, () -> resume(version)).kind());
    }
  }

  @Test
  void foreignCheckpointsAreRefused() throws Exception {
    byte[] checkpoint = checkpointAfter(1);
    ProverCheckpointException otherContext =
        assertThrows(
            ProverCheckpointException.class,
            () ->
                PROVER.resume(
                    TestProofs.permutationAir(),
                    TestProofs.permutationTrace(),
                    new byte[] {9},
                    new ByteArrayInputStream(checkpoint)));
    assertEquals(Kind.FOREIGN, otherContext.kind());
    List<FeltVector> otherTrace = new ArrayList<>(TestProofs.permutationTrace());
    FeltVector column = otherTrace.get(otherTrace.size() - 1).copy();
    column.set(column.length() / 2, column.get(column.length() / 2).add(Felt.ONE));
    otherTrace.set(otherTrace.size() - 1, column);
    ProverCheckpointException otherTraceRefused =
        assertThrows(
            ProverCheckpointException.class,
            () ->
                PROVER.resume(
                    TestProofs.permutationAir(),
                    otherTrace,
                    CONTEXT,
                    new ByteArrayInputStream(checkpoint)));
    assertEquals(Kind.FOREIGN, otherTraceRefused.kind());
    ProverCheckpointException otherAir =
        assertThrows(
            ProverCheckpointException.class,
            () ->
                PROVER.resume(
                    TestProofs.fibonacciAir(),
                    FibonacciAir.buildTrace(TestProofs.FIB_ROWS),
                    CONTEXT,
                    new ByteArrayInputStream(checkpoint)));
    assertEquals(Kind.FOREIGN, otherAir.kind());
  }

  @Test
  void checkpointsExistOnlyAfterTheCommitmentRounds() {
    ProvingSession fresh =
        PROVER.start(TestProofs.permutationAir(), TestProofs.permutationTrace(), CONTEXT);
    assertThrows(
        IllegalStateException.class, () -> fresh.writeCheckpoint(new ByteArrayOutputStream()));
  }
}
