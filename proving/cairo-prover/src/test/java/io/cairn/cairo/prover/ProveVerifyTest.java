package io.cairn.cairo.prover;

import static io.cairn.cairo.prover.TestPrograms.LEASE;
import static io.cairn.cairo.prover.TestPrograms.felts;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cairn.air.ProofOptions;
import io.cairn.cairo.air.CairoVerificationException;
import io.cairn.cairo.air.CairoVerifier;
import io.cairn.cairo.air.UnsupportedBuiltinException;
import io.cairn.cairo.prover.CairoProvingJob.Stage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cairo programs proven by {@link CairoProver} and checked by {@link CairoVerifier}. */
class ProveVerifyTest {

  /** Cheap options for tests only (7 conjectured bits); never used outside tests. */
  static final ProofOptions TEST_OPTIONS = new ProofOptions(2, 8, 0);

  static final int TEST_MIN_BITS = 5;

  @Test
  void fibonacciProofVerifies() throws Exception {
    byte[] json = TestPrograms.json("fibonacci");
    CairoProofResult r = new CairoProver(TEST_OPTIONS).prove(json, felts(10), LEASE);
    assertEquals(felts(55), r.output());
    assertEquals(r.output(), CairoVerifier.claimedOutput(r.proof()));
    CairoVerifier.verify(json, felts(10), r.output(), LEASE, TEST_MIN_BITS, r.proof());
  }

  @Test
  void programWithoutBuiltinsOrInputProofVerifies() throws Exception {
    byte[] json = TestPrograms.json("square");
    CairoProofResult r = new CairoProver(TEST_OPTIONS).prove(json, List.of(), LEASE);
    assertEquals(List.of(), r.output());
    assertEquals(r.steps(), CairoVerifier.claimedSteps(r.proof()));
    CairoVerifier.verify(json, List.of(), List.of(), LEASE, TEST_MIN_BITS, r.proof());
    CairoVerificationException e =
        assertThrows(
            CairoVerificationException.class,
            () -> CairoVerifier.verify(json, felts(1), List.of(), LEASE, TEST_MIN_BITS, r.proof()));
    assertEquals(CairoVerificationException.Kind.INCONSISTENT_CLAIM, e.kind());
  }

  @Test
  void programWithAHintSegmentProofVerifies() throws Exception {
    byte[] json = TestPrograms.json("alloc_output");
    CairoProofResult r = new CairoProver(TEST_OPTIONS).prove(json, felts(20), LEASE);
    assertEquals(felts(41), r.output());
    CairoVerifier.verify(json, felts(20), r.output(), LEASE, TEST_MIN_BITS, r.proof());
  }

  @Test
  void rangeCheckBuiltinProofVerifies() throws Exception {
    byte[] json = TestPrograms.json("sum_of_squares");
    CairoProofResult r = new CairoProver(TEST_OPTIONS).prove(json, felts(3, 4), LEASE);
    assertEquals(felts(25), r.output());
    CairoVerifier.verify(json, felts(3, 4), r.output(), LEASE, TEST_MIN_BITS, r.proof());
  }

  @Test
  void verifierRefusesProofsBelowItsMinimumSecurity() throws Exception {
    byte[] json = TestPrograms.json("fibonacci");
    CairoProofResult r = new CairoProver(TEST_OPTIONS).prove(json, felts(3), LEASE);
    CairoVerificationException e =
        assertThrows(
            CairoVerificationException.class,
            () -> CairoVerifier.verify(json, felts(3), r.output(), LEASE, 100, r.proof()));
    assertEquals(CairoVerificationException.Kind.STARK_REJECTED, e.kind());
  }

  @Test
  void unsupportedBuiltinIsRefusedForProving() {
    byte[] json =
        TestPrograms.json(
            "fibonacci",
            s ->
                s.replace("%builtins output", "%builtins output pedersen")
                    .replace("{output_ptr: felt*}", "{output_ptr: felt*, pedersen_ptr: felt*}"));
    CairoProvingException e =
        assertThrows(
            CairoProvingException.class,
            () -> new CairoProver(TEST_OPTIONS).prove(json, felts(3), LEASE));
    assertEquals(CairoProvingException.Kind.UNSUPPORTED_BUILTIN, e.kind());
    assertEquals("pedersen", ((UnsupportedBuiltinException) e.getCause()).builtin());
  }

  @Test
  void mainReturningMoreThanItsBuiltinsIsUnprovable() {
    byte[] json =
        TestPrograms.json(
            "fibonacci",
            s ->
                s.replace(
                        "(input_len: felt, input: felt*) {",
                        "(input_len: felt, input: felt*) -> (r: felt) {")
                    .replace(
                        "// return output_ptr + 1\n    ret",
                        "// return output_ptr + 1\n    [ap] = 7, ap++\n    ret"));
    CairoProvingException e =
        assertThrows(
            CairoProvingException.class,
            () -> new CairoProver(TEST_OPTIONS).prove(json, felts(3), LEASE));
    assertEquals(CairoProvingException.Kind.UNPROVABLE, e.kind());
  }

  @Test
  void failedRunIsReportedAsSuch() {
    byte[] json = TestPrograms.json("fibonacci");
    CairoProvingException e =
        assertThrows(
            CairoProvingException.class,
            () -> new CairoProver(TEST_OPTIONS).prove(json, List.of(), LEASE));
    assertEquals(CairoProvingException.Kind.EXECUTION_FAILED, e.kind());
  }

  @Test
  void pausedJobEqualsTheUninterruptedProof() throws Exception {
    byte[] json = TestPrograms.json("fibonacci");
    CairoProofResult straight = new CairoProver(TEST_OPTIONS).prove(json, felts(7), LEASE);
    CairoProvingJob job = new CairoProver(TEST_OPTIONS).start(json, felts(7), LEASE);
    assertEquals(Stage.MAIN_COMMITTED, job.advance());
    assertEquals(Stage.AUX_COMMITTED, job.advance());
    assertEquals(Stage.COMPOSITION_COMMITTED, job.advance());
    CairoProofResult resumed = job.finish();
    assertArrayEquals(straight.proof(), resumed.proof());
    CairoVerifier.verify(json, felts(7), resumed.output(), LEASE, TEST_MIN_BITS, resumed.proof());
  }
}
