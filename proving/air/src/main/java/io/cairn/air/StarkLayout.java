package io.cairn.air;

import io.cairn.fri.EvaluationDomain;
import io.cairn.fri.FriParameters;
import io.cairn.math.Felt;
import java.util.Collections;

/**
 * The shape of one proof, derived from the AIR and the options alone so that prover and verifier
 * agree on it before any message: domains, composition split and FRI parameters.
 *
 * <p>The trace domain is {@code ⟨g⟩} of size n; the LDE domain is the coset {@code 3·⟨ω⟩} of size
 * {@code blowup·n}. The composition polynomial has degree below {@code (d−1)·n} for constraint
 * degree d, so it is split into {@code max(1, d−1)} parts of degree below n.
 */
public final class StarkLayout {

  /** The LDE coset offset, the field generator (never in a subgroup of power-of-two order). */
  public static final Felt DOMAIN_OFFSET = Felt.GENERATOR;

  private final int logTraceLength;
  private final int numParts;
  private final EvaluationDomain ldeDomain;
  private final Felt traceGenerator;

  /** Derives the layout; rejects AIRs whose shape the options cannot prove. */
  public StarkLayout(Air air, ProofOptions options) {
    int n = air.traceLength();
    if (n < 8 || Integer.bitCount(n) != 1 || n > (1 << 26)) {
      throw new IllegalArgumentException("trace length must be a power of two in 8..2^26: " + n);
    }
    this.logTraceLength = Integer.numberOfTrailingZeros(n);
    int maxDegree =
        air.transitionDegrees().isEmpty() ? 1 : Collections.max(air.transitionDegrees());
    this.numParts = Math.max(1, maxDegree - 1);
    if (numParts > options.blowupFactor()) {
      throw new IllegalArgumentException(
          "constraint degree " + maxDegree + " needs a larger blowup");
    }
    this.ldeDomain = new EvaluationDomain(logTraceLength + options.logBlowup(), DOMAIN_OFFSET);
    this.traceGenerator = Felt.rootOfUnity(logTraceLength);
  }

  /** log2 of the trace length n. */
  public int logTraceLength() {
    return logTraceLength;
  }

  /** The trace length n. */
  public int traceLength() {
    return 1 << logTraceLength;
  }

  /** The generator g of the trace domain. */
  public Felt traceGenerator() {
    return traceGenerator;
  }

  /** The LDE domain (committed evaluations are in its bit-reversed order). */
  public EvaluationDomain ldeDomain() {
    return ldeDomain;
  }

  /** How many parts of degree below n the composition polynomial is split into. */
  public int numCompositionParts() {
    return numParts;
  }

  /** FRI proves the DEEP polynomial has degree below n over the LDE domain. */
  public FriParameters friParameters() {
    return new FriParameters(ldeDomain, traceLength());
  }

  /** The number of query pairs: positions {@code 2q, 2q+1} of the LDE are opened for each. */
  public int numQueryPairs() {
    return ldeDomain.size() / 2;
  }
}
