package io.cairn.cairo.prover;

import static io.cairn.cairo.prover.ProveVerifyTest.TEST_MIN_BITS;
import static io.cairn.cairo.prover.ProveVerifyTest.TEST_OPTIONS;
import static io.cairn.cairo.prover.TestPrograms.LEASE;
import static io.cairn.cairo.prover.TestPrograms.felts;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cairn.cairo.air.CairoVerifier;
import io.cairn.cairo.prover.CairoProvingJob.Stage;
import io.cairn.prover.ProverCheckpointException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A proof stopped after each commitment stage and resumed from its checkpoint bytes by a fresh
 * prover (as after a process restart) equals the uninterrupted proof and verifies; a checkpoint
 * never resumes another statement, and a damaged one is refused with its reason.
 */
class CheckpointTest {

  @Test
  void resumedProofsEqualTheUninterruptedOne() throws Exception {
    byte[] json = TestPrograms.json("fibonacci");
    byte[] straight = new CairoProver(TEST_OPTIONS).prove(json, felts(12), LEASE).proof();
    for (Stage stop :
        new Stage[] {Stage.MAIN_COMMITTED, Stage.AUX_COMMITTED, Stage.COMPOSITION_COMMITTED}) {
      CairoProvingJob stopped = new CairoProver(TEST_OPTIONS).start(json, felts(12), LEASE);
      stopped.runUntil(stop);
      byte[] checkpoint = stopped.checkpoint();
      CairoProvingJob resumed =
          new CairoProver(TEST_OPTIONS).resume(json, felts(12), LEASE, checkpoint);
      assertEquals(stop, resumed.stage());
      CairoProofResult r = resumed.finish();
      assertArrayEquals(straight, r.proof(), "resumed after " + stop);
      CairoVerifier.verify(json, felts(12), r.output(), LEASE, TEST_MIN_BITS, r.proof());
    }
  }

  @Test
  void streamedCheckpointResumesToTheSameProof() throws Exception {
    byte[] json = TestPrograms.json("fibonacci");
    CairoProvingJob job = new CairoProver(TEST_OPTIONS).start(json, felts(12), LEASE);
    job.runUntil(Stage.COMPOSITION_COMMITTED);
    ByteArrayOutputStream streamed = new ByteArrayOutputStream();
    job.writeCheckpoint(streamed);
    assertArrayEquals(job.checkpoint(), streamed.toByteArray());
    CairoProvingJob resumed =
        new CairoProver(TEST_OPTIONS)
            .resume(json, felts(12), LEASE, new ByteArrayInputStream(streamed.toByteArray()));
    assertEquals(Stage.COMPOSITION_COMMITTED, resumed.stage());
    assertArrayEquals(job.finish().proof(), resumed.finish().proof());
  }

  @Test
  void checkpointOfAnotherStatementIsRefused() throws Exception {
    byte[] json = TestPrograms.json("fibonacci");
    CairoProvingJob job = new CairoProver(TEST_OPTIONS).start(json, felts(12), LEASE);
    job.runUntil(Stage.AUX_COMMITTED);
    byte[] checkpoint = job.checkpoint();
    CairoProver prover = new CairoProver(TEST_OPTIONS);
    CairoProvingException otherLease =
        assertThrows(
            CairoProvingException.class,
            () -> prover.resume(json, felts(12), "another-lease", checkpoint));
    assertEquals(CairoProvingException.Kind.INVALID_CHECKPOINT, otherLease.kind());
    CairoProvingException otherInput =
        assertThrows(
            CairoProvingException.class, () -> prover.resume(json, felts(13), LEASE, checkpoint));
    assertEquals(CairoProvingException.Kind.INVALID_CHECKPOINT, otherInput.kind());
    byte[] truncated = java.util.Arrays.copyOf(checkpoint, checkpoint.length - 1);
    CairoProvingException malformed =
        assertThrows(
            CairoProvingException.class, () -> prover.resume(json, felts(12), LEASE, truncated));
    assertEquals(CairoProvingException.Kind.INVALID_CHECKPOINT, malformed.kind());
    assertEquals(
        ProverCheckpointException.Kind.TRUNCATED,
        ((ProverCheckpointException) malformed.getCause()).kind());
    byte[] flipped = checkpoint.clone();
    flipped[flipped.length / 2] ^= 1;
    CairoProvingException corrupt =
        assertThrows(
            CairoProvingException.class, () -> prover.resume(json, felts(12), LEASE, flipped));
    assertEquals(
        ProverCheckpointException.Kind.CORRUPT,
        ((ProverCheckpointException) corrupt.getCause()).kind());
    assertEquals(
        ProverCheckpointException.Kind.FOREIGN,
        ((ProverCheckpointException) otherLease.getCause()).kind());
    assertThrows(
        IllegalStateException.class,
        () -> new CairoProver(TEST_OPTIONS).start(json, felts(12), LEASE).checkpoint());
  }
}
