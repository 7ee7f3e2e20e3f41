package io.cairn.fri;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cairn.crypto.Keccak256;
import io.cairn.crypto.Transcript;
import io.cairn.math.Felt;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FriTest {

  private static List<Felt> randomPolynomial(Random random, int coefficients) {
    List<Felt> poly = new ArrayList<>();
    for (int i = 0; i < coefficients; i++) {
      poly.add(Felt.of(random.nextLong() & Long.MAX_VALUE));
    }
    return poly;
  }

  /** Naive evaluation over the whole domain in bit-reversed order (the slow oracle). */
  private static Felt[] evaluate(List<Felt> poly, EvaluationDomain domain) {
    Felt[] values = new Felt[domain.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = Folding.evaluate(poly, domain.elementAt(i));
    }
    return values;
  }

  private static int[] queries(Transcript transcript, int domainSize) {
    return transcript.sampleDistinctIndices(20, domainSize / 2);
  }

  private static void proveAndVerify(List<Felt> poly, FriParameters params, int degreeBoundChecked)
      throws FriVerificationException {
    Felt[] values = evaluate(poly, params.domain());
    Transcript proverTranscript = new Transcript(Keccak256.INSTANCE, "fri-test");
    FriProver prover = new FriProver(Keccak256.INSTANCE, params);
    prover.commitLayers(values, proverTranscript);
    int[] pairs = queries(proverTranscript, params.domain().size());
    FriProof proof = prover.answerQueries(pairs);

    Transcript verifierTranscript = new Transcript(Keccak256.INSTANCE, "fri-test");
    FriVerifier verifier = new FriVerifier(Keccak256.INSTANCE, params);
    verifier.readCommitments(proof, verifierTranscript);
    int[] verifierPairs = queries(verifierTranscript, params.domain().size());
    assertEquals(pairs.length, verifierPairs.length);
    Felt[] layer0 = new Felt[2 * pairs.length];
    for (int j = 0; j < pairs.length; j++) {
      layer0[2 * j] = values[2 * verifierPairs[j]];
      layer0[2 * j + 1] = values[2 * verifierPairs[j] + 1];
    }
    verifier.verifyQueries(verifierPairs, layer0);
  }

  @Test
  void lowDegreePolynomialsVerifyForSeveralShapes() {
    Random random = new Random(7);
    for (int logDegree = 0; logDegree <= 7; logDegree++) {
      int degreeBound = 1 << logDegree;
      FriParameters params =
          new FriParameters(new EvaluationDomain(logDegree + 2, Felt.GENERATOR), degreeBound);
      List<Felt> poly = randomPolynomial(random, degreeBound);
      assertDoesNotThrow(() -> proveAndVerify(poly, params, degreeBound), "2^" + logDegree);
    }
  }

  @Test
  void polynomialAboveTheBoundIsRejectedByTheProverOrTheVerifier() {
    FriParameters params = new FriParameters(new EvaluationDomain(8, Felt.GENERATOR), 32);
    List<Felt> poly = randomPolynomial(new Random(8), 64);
    assertThrows(IllegalStateException.class, () -> proveAndVerify(poly, params, 32));
  }

  @Test
  void corruptedLayerValueIsCaught() {
    FriParameters params = new FriParameters(new EvaluationDomain(8, Felt.GENERATOR), 64);
    List<Felt> poly = randomPolynomial(new Random(9), 64);
    Felt[] values = evaluate(poly, params.domain());
    Transcript t = new Transcript(Keccak256.INSTANCE, "fri-test");
    FriProver prover = new FriProver(Keccak256.INSTANCE, params);
    prover.commitLayers(values, t);
    int[] pairs = queries(t, params.domain().size());
    FriProof proof = prover.answerQueries(pairs);
    List<Felt> tampered = new ArrayList<>(proof.layerQueries().get(0).values());
    tampered.set(0, tampered.get(0).add(Felt.ONE));
    List<FriLayerQueries> layers = new ArrayList<>(proof.layerQueries());
    layers.set(0, new FriLayerQueries(tampered, layers.get(0).opening()));
    FriProof bad = new FriProof(proof.layerRoots(), proof.remainder(), layers);

    Transcript vt = new Transcript(Keccak256.INSTANCE, "fri-test");
    FriVerifier verifier = new FriVerifier(Keccak256.INSTANCE, params);
    FriVerificationException e =
        assertThrows(
            FriVerificationException.class,
            () -> {
              verifier.readCommitments(bad, vt);
              int[] vp = queries(vt, params.domain().size());
              Felt[] layer0 = new Felt[2 * vp.length];
              for (int j = 0; j < vp.length; j++) {
                layer0[2 * j] = values[2 * vp[j]];
                layer0[2 * j + 1] = values[2 * vp[j] + 1];
              }
              verifier.verifyQueries(vp, layer0);
            });
    assertEquals(FriVerificationException.Kind.LAYER_OPENING, e.kind());
  }

  private static FriVerificationException.Kind kindForWrongLayer0(FriParameters params) {
    List<Felt> poly = randomPolynomial(new Random(10), params.degreeBound());
    Felt[] values = evaluate(poly, params.domain());
    Transcript t = new Transcript(Keccak256.INSTANCE, "fri-test");
    FriProver prover = new FriProver(Keccak256.INSTANCE, params);
    prover.commitLayers(values, t);
    FriProof proof = prover.answerQueries(queries(t, params.domain().size()));
    Transcript vt = new Transcript(Keccak256.INSTANCE, "fri-test");
    FriVerifier verifier = new FriVerifier(Keccak256.INSTANCE, params);
    return assertThrows(
            FriVerificationException.class,
            () -> {
              verifier.readCommitments(proof, vt);
              int[] vp = queries(vt, params.domain().size());
              Felt[] layer0 = new Felt[2 * vp.length];
              for (int j = 0; j < vp.length; j++) {
                layer0[2 * j] = values[2 * vp[j]];
                layer0[2 * j + 1] = values[2 * vp[j] + 1].add(Felt.ONE);
              }
              verifier.verifyQueries(vp, layer0);
            })
        .kind();
  }

  @Test
  void wrongLayer0ValuesFailTheFoldingCheck() {
    FriParameters params = new FriParameters(new EvaluationDomain(8, Felt.GENERATOR), 64);
    assertEquals(FriVerificationException.Kind.FOLDING, kindForWrongLayer0(params));
  }

  @Test
  void wrongLayer0ValuesWithoutCommittedLayersFailTheRemainderCheck() {
    FriParameters params = new FriParameters(new EvaluationDomain(6, Felt.GENERATOR), 16);
    assertEquals(1, params.numFolds());
    assertEquals(FriVerificationException.Kind.REMAINDER, kindForWrongLayer0(params));
  }
}
