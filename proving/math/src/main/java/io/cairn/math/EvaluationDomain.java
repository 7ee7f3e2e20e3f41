package io.cairn.math;

/**
 * A multiplicative coset offset·⟨ω⟩ of the two-adic subgroup of order 2^logSize, ω = {@link
 * Felt#rootOfUnity}(logSize): a trace domain (offset 1) or a low-degree-extension domain.
 *
 * <p>Element i is offset·ω^i, the order in which {@link Fft#evaluateOnCoset} returns evaluations.
 * The vanishing polynomial of the domain is x^n − offset^n, n = 2^logSize.
 *
 * @param logSize log2 of the number of elements, 0 ≤ logSize ≤ 30 (elements are int-indexed)
 * @param offset the coset offset, non-zero
 */
public record EvaluationDomain(int logSize, Felt offset) {
  /** Validates the parameters. */
  public EvaluationDomain {
    if (logSize < 0 || logSize > 30) {
      throw new IllegalArgumentException("domain size 2^" + logSize + " is not in 2^0..2^30");
    }
    if (offset.isZero()) {
      throw new IllegalArgumentException("a coset offset must not be zero");
    }
  }

  /** Returns the subgroup ⟨ω⟩ of order 2^logSize itself (offset 1). */
  public static EvaluationDomain subgroup(int logSize) {
    return new EvaluationDomain(logSize, Felt.ONE);
  }

  public int size() {
    return 1 << logSize;
  }

  /** Returns ω, the generator of the underlying subgroup. */
  public Felt generator() {
    return Felt.rootOfUnity(logSize);
  }

  /** Returns offset·ω^i. */
  public Felt element(int i) {
    return offset.mul(generator().pow(Integer.toUnsignedLong(i) % size()));
  }

  /** Returns all elements, in order. */
  public FeltVector elements() {
    FeltVector v = FeltVector.powers(generator(), size());
    v.mulBy(offset);
    return v;
  }

  /** Returns x^n − offset^n, the polynomial vanishing exactly on this domain, at x. */
  public Felt vanishingAt(Felt x) {
    return x.pow(size()).sub(offset.pow(size()));
  }

  /** Returns x^n − offset^n as a polynomial. */
  public Polynomial vanishingPolynomial() {
    return Polynomial.monomial(Felt.ONE, size()).sub(Polynomial.of(offset.pow(size())));
  }
}
