package io.cairn.cairo.prover;

import static io.cairn.cairo.prover.ProveVerifyTest.TEST_MIN_BITS;
import static io.cairn.cairo.prover.ProveVerifyTest.TEST_OPTIONS;
import static io.cairn.cairo.prover.TestPrograms.LEASE;
import static io.cairn.cairo.prover.TestPrograms.felts;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.cairo.air.CairoVerifier;
import io.cairn.cairo.prover.CairoProvingJob.Stage;
import io.cairn.cairo.vm.RunLimits;
import io.cairn.math.Felt;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cairo proofs made with the committed tables' whole LDE kept and with the tables streamed one
 * coset at a time (an LDE budget of zero) are the same bytes, and both verify: the main, aux
 * (memory and range-check permutations) and composition tables of the real AIR, not only the
 * generic prover's test AIRs. A checkpoint written on one path resumes on the other.
 */
class LdeBudgetCairoTest {
  private static final CairoProver KEPT =
      new CairoProver(TEST_OPTIONS, RunLimits.NONE, Long.MAX_VALUE);
  private static final CairoProver STREAMED = new CairoProver(TEST_OPTIONS, RunLimits.NONE, 0);

  private static void sameProofBothWays(String program, List<Felt> input, List<Felt> output)
      throws Exception {
    byte[] json = TestPrograms.json(program);
    CairoProofResult kept = KEPT.prove(json, input, LEASE);
    CairoProofResult streamed = STREAMED.prove(json, input, LEASE);
    assertEquals(output, streamed.output());
    assertArrayEquals(kept.proof(), streamed.proof(), program + ": the two paths differ");
    CairoVerifier.verify(json, input, output, LEASE, TEST_MIN_BITS, streamed.proof());
  }

  @Test
  void plainLayoutWithOutput() throws Exception {
    sameProofBothWays("fibonacci", felts(40), List.of(Felt.of(102334155)));
  }

  @Test
  void rangeCheckBuiltin() throws Exception {
    sameProofBothWays("sum_of_squares", felts(3, 4, 5), felts(50));
  }

  @Test
  void aCheckpointFromOnePathResumesOnTheOther() throws Exception {
    byte[] json = TestPrograms.json("fibonacci");
    List<Felt> input = felts(25);
    CairoProvingJob job = KEPT.start(json, input, LEASE);
    while (job.stage() != Stage.AUX_COMMITTED) {
      job.advance();
    }
    ByteArrayOutputStream checkpoint = new ByteArrayOutputStream();
    job.writeCheckpoint(checkpoint);
    CairoProvingJob resumed = STREAMED.resume(json, input, LEASE, checkpoint.toByteArray());
    assertEquals(Stage.AUX_COMMITTED, resumed.stage());
    assertArrayEquals(job.finish().proof(), resumed.finish().proof());
  }
}
