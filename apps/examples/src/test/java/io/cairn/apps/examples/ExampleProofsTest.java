package io.cairn.apps.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.air.ProofOptions;
import io.cairn.cairo.air.CairoVerificationException;
import io.cairn.cairo.air.CairoVerificationException.Kind;
import io.cairn.cairo.air.CairoVerifier;
import io.cairn.cairo.prover.CairoProofResult;
import io.cairn.cairo.prover.CairoProver;
import io.cairn.math.Felt;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each example app proven on one small input group with {@link CairoProver}, checked with {@link
 * CairoVerifier} against the statement rebuilt from the program, the input, the reference output
 * and the lease id, and refused once anything in it is changed: another output, another input,
 * another lease id, or one flipped byte of the proof.
 *
 * <p>Proofs use cheap STARK options (a few bits of security, as ProofOptions offers for tests) to
 * keep the suite short; the end-to-end test proves at the validator's minimum of 80 bits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExampleProofsTest {
  static final ProofOptions TEST_OPTIONS = new ProofOptions(2, 8, 0);
  static final int TEST_MIN_BITS = 1;
  static final String LEASE = "lease-7f3a";

  /** One small input group per app: a proof of a few thousand steps. */
  static final Map<ExampleApp, List<BigInteger>> INPUTS =
      Map.of(
          ExampleApp.COLLATZ, List.of(BigInteger.valueOf(1), BigInteger.valueOf(6)),
          ExampleApp.PRIME_COUNT, List.of(BigInteger.valueOf(20), BigInteger.valueOf(40)));

  private final Map<ExampleApp, CairoProofResult> proofs =
      new java.util.EnumMap<>(ExampleApp.class);

  @BeforeAll
  void prove() throws Exception {
    for (ExampleApp app : ExampleApp.values()) {
      proofs.put(
          app,
          new CairoProver(TEST_OPTIONS)
              .prove(app.compiledProgram(), felts(INPUTS.get(app)), LEASE));
    }
  }

  @AfterAll
  void forget() {
    proofs.clear();
  }

  @ParameterizedTest
  @EnumSource(ExampleApp.class)
  void proofOfTheReferenceOutputVerifies(ExampleApp app) throws Exception {
    List<BigInteger> input = INPUTS.get(app);
    CairoProofResult proof = proofs.get(app);
    List<Felt> expected = felts(app.expectedOutput(input));
    assertEquals(expected, proof.output());
    assertEquals(expected, CairoVerifier.claimedOutput(proof.proof()));
    CairoVerifier.verify(
        app.compiledProgram(), felts(input), expected, LEASE, TEST_MIN_BITS, proof.proof());
  }

  @ParameterizedTest
  @EnumSource(ExampleApp.class)
  void anotherOutputIsRefused(ExampleApp app) {
    List<BigInteger> input = INPUTS.get(app);
    List<Felt> other = new ArrayList<>(felts(app.expectedOutput(input)));
    other.set(other.size() - 1, other.get(other.size() - 1).add(Felt.ONE));
    assertRejected(app, felts(input), other, LEASE, proofs.get(app).proof(), Kind.OUTPUT_MISMATCH);
  }

  @ParameterizedTest
  @EnumSource(ExampleApp.class)
  void anotherInputIsRefused(ExampleApp app) {
    List<BigInteger> input = INPUTS.get(app);
    List<BigInteger> other = List.of(input.get(0), input.get(1).add(BigInteger.ONE));
    assertRejected(
        app,
        felts(other),
        felts(app.expectedOutput(input)),
        LEASE,
        proofs.get(app).proof(),
        Kind.STARK_REJECTED);
  }

  @ParameterizedTest
  @EnumSource(ExampleApp.class)
  void anotherLeaseIsRefused(ExampleApp app) {
    List<BigInteger> input = INPUTS.get(app);
    assertRejected(
        app,
        felts(input),
        felts(app.expectedOutput(input)),
        "lease-7f3b",
        proofs.get(app).proof(),
        Kind.STARK_REJECTED);
  }

  @ParameterizedTest
  @EnumSource(ExampleApp.class)
  void aFlippedProofByteIsRefused(ExampleApp app) {
    List<BigInteger> input = INPUTS.get(app);
    byte[] proof = proofs.get(app).proof();
    for (int at : new int[] {proof.length / 3, proof.length - 40}) {
      byte[] tampered = proof.clone();
      tampered[at] ^= 0x01;
      assertRejected(
          app,
          felts(input),
          felts(app.expectedOutput(input)),
          LEASE,
          tampered,
          Kind.MALFORMED_PROOF,
          Kind.INCONSISTENT_CLAIM,
          Kind.STARK_REJECTED);
    }
  }

  /** Asserts the verifier refuses, naming one of {@code kinds} as the failed check. */
  private static void assertRejected(
      ExampleApp app,
      List<Felt> input,
      List<Felt> output,
      String lease,
      byte[] proof,
      Kind... kinds) {
    CairoVerificationException e =
        assertThrows(
            CairoVerificationException.class,
            () ->
                CairoVerifier.verify(
                    app.compiledProgram(), input, output, lease, TEST_MIN_BITS, proof));
    assertTrue(List.of(kinds).contains(e.kind()), e.kind() + ": " + e.getMessage());
  }

  static List<Felt> felts(List<BigInteger> values) {
    return values.stream().map(Felt::of).toList();
  }
}
