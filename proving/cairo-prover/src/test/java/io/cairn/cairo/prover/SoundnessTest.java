package io.cairn.cairo.prover;

import static io.cairn.cairo.prover.ProveVerifyTest.TEST_MIN_BITS;
import static io.cairn.cairo.prover.ProveVerifyTest.TEST_OPTIONS;
import static io.cairn.cairo.prover.TestPrograms.LEASE;
import static io.cairn.cairo.prover.TestPrograms.felts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cairn.cairo.air.CairoProofFile;
import io.cairn.cairo.air.CairoStatementException;
import io.cairn.cairo.air.CairoVerificationException;
import io.cairn.cairo.air.CairoVerificationException.Kind;
import io.cairn.cairo.air.CairoVerifier;
import io.cairn.cairo.air.ExecutionClaim;
import io.cairn.cairo.air.ProvableProgram;
import io.cairn.math.Felt;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A valid proof checked against any other statement is rejected: another program (one word
 * changed), input, output or lease, forged claims, and corrupted bytes.
 */
class SoundnessTest {

  private static byte[] program;
  private static CairoProofResult proof;

  @BeforeAll
  static void prove() throws Exception {
    program = TestPrograms.json("fibonacci");
    proof = new CairoProver(TEST_OPTIONS).prove(program, felts(9), LEASE);
    CairoVerifier.verify(program, felts(9), felts(34), LEASE, TEST_MIN_BITS, proof.proof());
  }

  private static Kind rejection(Executable verification) {
    return assertThrows(CairoVerificationException.class, verification).kind();
  }

  @Test
  void anotherProgramIsRejected() {
    byte[] other =
        TestPrograms.json(
            "fibonacci",
            s ->
                s.replace(
                    "[ap] = 1, ap++                      // b",
                    "[ap] = 2, ap++                      // b"));
    assertEquals(
        Kind.STARK_REJECTED,
        rejection(
            () ->
                CairoVerifier.verify(
                    other, felts(9), felts(34), LEASE, TEST_MIN_BITS, proof.proof())));
  }

  @Test
  void anotherInputIsRejected() {
    assertEquals(
        Kind.STARK_REJECTED,
        rejection(
            () ->
                CairoVerifier.verify(
                    program, felts(8), felts(34), LEASE, TEST_MIN_BITS, proof.proof())));
  }

  @Test
  void anotherOutputIsRejected() throws Exception {
    assertEquals(
        Kind.OUTPUT_MISMATCH,
        rejection(
            () ->
                CairoVerifier.verify(
                    program, felts(9), felts(35), LEASE, TEST_MIN_BITS, proof.proof())));
    CairoProofFile file = CairoProofFile.decode(proof.proof());
    byte[] forged = new CairoProofFile(file.claim(), felts(35), file.stark()).encode();
    assertEquals(
        Kind.STARK_REJECTED,
        rejection(
            () ->
                CairoVerifier.verify(program, felts(9), felts(35), LEASE, TEST_MIN_BITS, forged)));
  }

  @Test
  void anotherLeaseIsRejected() {
    assertEquals(
        Kind.STARK_REJECTED,
        rejection(
            () ->
                CairoVerifier.verify(
                    program, felts(9), felts(34), "lease-other", TEST_MIN_BITS, proof.proof())));
  }

  @Test
  void malformedProgramIsRejected() {
    byte[] broken = java.util.Arrays.copyOf(program, program.length / 2);
    assertEquals(
        Kind.INVALID_PROGRAM,
        rejection(
            () ->
                CairoVerifier.verify(
                    broken, felts(9), felts(34), LEASE, TEST_MIN_BITS, proof.proof())));
  }

  @Test
  void programWithAnUnconstrainedBuiltinIsRejected() {
    byte[] pedersen =
        TestPrograms.json(
            "fibonacci",
            s ->
                s.replace("%builtins output", "%builtins output pedersen")
                    .replace("{output_ptr: felt*}", "{output_ptr: felt*, pedersen_ptr: felt*}"));
    assertEquals(
        Kind.UNSUPPORTED_BUILTIN,
        rejection(
            () ->
                CairoVerifier.verify(
                    pedersen, felts(9), felts(34), LEASE, TEST_MIN_BITS, proof.proof())));
  }

  @Test
  void forgedClaimsAreRejected() throws Exception {
    CairoProofFile file = CairoProofFile.decode(proof.proof());
    ExecutionClaim c = file.claim();
    List<ExecutionClaim> forgeries =
        List.of(
            new ExecutionClaim(
                c.steps() - 1,
                c.logTraceLength(),
                c.rcMin(),
                c.rcMax(),
                c.limbMin(),
                c.limbMax(),
                c.apFinal(),
                c.segments()),
            new ExecutionClaim(
                c.steps(),
                c.logTraceLength(),
                c.rcMin() - 1,
                c.rcMax(),
                c.limbMin(),
                c.limbMax(),
                c.apFinal(),
                c.segments()),
            new ExecutionClaim(
                c.steps(),
                c.logTraceLength(),
                c.rcMin(),
                c.rcMax(),
                c.limbMin(),
                c.limbMax(),
                c.apFinal() + 1,
                c.segments()),
            new ExecutionClaim(
                c.steps(),
                c.logTraceLength() + 1,
                c.rcMin(),
                c.rcMax(),
                c.limbMin(),
                c.limbMax(),
                c.apFinal(),
                c.segments()),
            new ExecutionClaim(
                c.steps(),
                c.logTraceLength(),
                c.rcMin(),
                c.rcMax(),
                0,
                1,
                c.apFinal(),
                c.segments()));
    for (ExecutionClaim forged : forgeries) {
      byte[] bytes = new CairoProofFile(forged, file.output(), file.stark()).encode();
      Kind kind =
          rejection(
              () ->
                  CairoVerifier.verify(program, felts(9), felts(34), LEASE, TEST_MIN_BITS, bytes));
      assertEquals(true, kind == Kind.STARK_REJECTED || kind == Kind.INCONSISTENT_CLAIM, "" + kind);
    }
  }

  /**
   * Flips one bit (rotating with the position) in a dense deterministic sample of the proof file's
   * bytes: every byte of the header and claim, then every 13th byte; none may be accepted.
   */
  @Test
  void byteFlipSweepIsRejected() {
    byte[] bytes = proof.proof();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < bytes.length; i++) {
      if (i < 512 || i % 13 == 0 || i >= bytes.length - 64) {
        positions.add(i);
      }
    }
    List<Integer> accepted = new ArrayList<>();
    ProvableProgram provable = provable();
    IntStream.range(0, positions.size())
        .parallel()
        .forEach(
            k -> {
              int i = positions.get(k);
              byte[] corrupted = bytes.clone();
              corrupted[i] ^= (byte) (1 << (i % 8));
              try {
                CairoVerifier.verify(program, felts(9), felts(34), LEASE, TEST_MIN_BITS, corrupted);
                synchronized (accepted) {
                  accepted.add(i);
                }
              } catch (CairoVerificationException expected) {
                // rejected, as it must be
              }
            });
    assertEquals(List.of(), accepted, "accepted flips out of " + positions.size());
    System.out.println("byte-flip sweep: " + positions.size() + " of " + bytes.length + " bytes");
  }

  private static ProvableProgram provable() {
    try {
      return ProvableProgram.fromJson(program);
    } catch (CairoStatementException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void claimedOutputIsReadFromTheProof() throws Exception {
    assertEquals(List.of(Felt.of(34)), CairoVerifier.claimedOutput(proof.proof()));
  }
}
