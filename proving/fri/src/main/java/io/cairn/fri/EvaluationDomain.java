package io.cairn.fri;

import io.cairn.math.Felt;

/**
 * A multiplicative coset {@code offset·⟨ω⟩} of power-of-two size, the domain on which committed
 * polynomials are evaluated, with its elements addressed in bit-reversed order.
 *
 * <p>Committed evaluations are stored in bit-reversed order: position {@code i} holds the value at
 * {@code offset·ω^bitrev(i)}. Then positions {@code 2k} and {@code 2k+1} hold a point {@code x} and
 * its negation {@code −x}, so the two values FRI folds together share one Merkle leaf, and the
 * folded layer is again in bit-reversed order over the squared domain. The domain never
 * materialises its elements: {@link #elementAt} costs one exponentiation, so a verifier stays
 * polylogarithmic.
 */
public final class EvaluationDomain {

  private final int logSize;
  private final Felt offset;
  private final Felt generator;

  /** The coset {@code offset·⟨ω⟩} with {@code ω} of order {@code 2^logSize}. */
  public EvaluationDomain(int logSize, Felt offset) {
    if (logSize < 0 || logSize > 30) {
      throw new IllegalArgumentException("domain size out of range: 2^" + logSize);
    }
    this.logSize = logSize;
    this.offset = offset;
    this.generator = Felt.rootOfUnity(logSize);
  }

  /** log2 of the size. */
  public int logSize() {
    return logSize;
  }

  /** The number of elements. */
  public int size() {
    return 1 << logSize;
  }

  /** The coset offset. */
  public Felt offset() {
    return offset;
  }

  /** The generator {@code ω} of the subgroup. */
  public Felt generator() {
    return generator;
  }

  /** The element at bit-reversed position {@code position}: {@code offset·ω^bitrev(position)}. */
  public Felt elementAt(int position) {
    return offset.mul(generator.pow(bitReverse(position, logSize)));
  }

  /** The domain of the folded layer: squared offset, half the size. */
  public EvaluationDomain squared() {
    return new EvaluationDomain(logSize - 1, offset.square());
  }

  /** Reverses the low {@code bits} bits of {@code index}. */
  public static int bitReverse(int index, int bits) {
    return bits == 0 ? 0 : Integer.reverse(index) >>> (32 - bits);
  }
}
