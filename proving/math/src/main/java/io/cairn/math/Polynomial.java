package io.cairn.math;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * A univariate polynomial over the Stark252 field, immutable, with coefficients stored low to high
 * and trailing zeros trimmed, so the zero polynomial has no coefficients and degree −1.
 *
 * <p>Meant for small and medium polynomials (constraint and composition algebra, tests, the
 * verifier); large ones in the prover live in {@link FeltVector}s and go through {@link Fft}.
 * {@link #mul} switches to FFT multiplication for large operands.
 */
public final class Polynomial {
  /** Above this product of operand sizes, {@link #mul} multiplies through FFTs. */
  private static final long SCHOOLBOOK_LIMIT = 64 * 64;

  public static final Polynomial ZERO = new Polynomial(new Felt[0]);

  private final Felt[] coeffs;

  private Polynomial(Felt[] trimmed) {
    this.coeffs = trimmed;
  }

  /** Returns the polynomial c_0 + c_1·x + ... (coefficients low to high). */
  public static Polynomial of(Felt... coefficients) {
    return trim(coefficients.clone());
  }

  /** Returns the polynomial with the given coefficients (low to high). */
  public static Polynomial fromCoefficients(FeltVector coefficients) {
    return trim(coefficients.toArray());
  }

  /** Returns the monomial c·x^k. */
  public static Polynomial monomial(Felt c, int k) {
    Felt[] a = new Felt[k + 1];
    Arrays.fill(a, Felt.ZERO);
    a[k] = c;
    return trim(a);
  }

  private static Polynomial trim(Felt[] a) {
    int n = a.length;
    while (n > 0 && a[n - 1].isZero()) {
      n--;
    }
    return new Polynomial(n == a.length ? a : Arrays.copyOf(a, n));
  }

  /** Returns the degree; −1 for the zero polynomial. */
  public int degree() {
    return coeffs.length - 1;
  }

  public boolean isZero() {
    return coeffs.length == 0;
  }

  /** Returns the coefficient of x^i (zero beyond the degree). */
  public Felt coefficient(int i) {
    return i < coeffs.length ? coeffs[i] : Felt.ZERO;
  }

  /** Returns a copy of the coefficients, low to high, without trailing zeros. */
  public Felt[] coefficients() {
    return coeffs.clone();
  }

  /** Returns the coefficients low to high, padded with zeros to {@code length}. */
  public FeltVector toVector(int length) {
    if (length < coeffs.length) {
      throw new IllegalArgumentException(
          "degree " + degree() + " needs " + coeffs.length + " coefficients, not " + length);
    }
    FeltVector v = new FeltVector(length);
    for (int i = 0; i < coeffs.length; i++) {
      v.set(i, coeffs[i]);
    }
    return v;
  }

  /** Returns the value at x (Horner's rule). */
  public Felt evaluate(Felt x) {
    Felt acc = Felt.ZERO;
    for (int i = coeffs.length - 1; i >= 0; i--) {
      acc = acc.mul(x).add(coeffs[i]);
    }
    return acc;
  }

  public Polynomial add(Polynomial o) {
    Felt[] r = new Felt[Math.max(coeffs.length, o.coeffs.length)];
    for (int i = 0; i < r.length; i++) {
      r[i] = coefficient(i).add(o.coefficient(i));
    }
    return trim(r);
  }

  public Polynomial sub(Polynomial o) {
    Felt[] r = new Felt[Math.max(coeffs.length, o.coeffs.length)];
    for (int i = 0; i < r.length; i++) {
      r[i] = coefficient(i).sub(o.coefficient(i));
    }
    return trim(r);
  }

  /** Returns c·this. */
  public Polynomial scale(Felt c) {
    Felt[] r = new Felt[coeffs.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = coeffs[i].mul(c);
    }
    return trim(r);
  }

  /** Returns this · o; schoolbook for small operands, FFT-based for large ones. */
  public Polynomial mul(Polynomial o) {
    if (isZero() || o.isZero()) {
      return ZERO;
    }
    if ((long) coeffs.length * o.coeffs.length <= SCHOOLBOOK_LIMIT) {
      return mulSchoolbook(o);
    }
    int resultLength = coeffs.length + o.coeffs.length - 1;
    int size = Integer.highestOneBit(resultLength);
    if (size < resultLength) {
      size <<= 1;
    }
    FeltVector a = toVector(size);
    FeltVector b = o.toVector(size);
    Fft.fft(a);
    Fft.fft(b);
    a.mulInPlace(b);
    Fft.ifft(a);
    return fromCoefficients(a);
  }

  Polynomial mulSchoolbook(Polynomial o) {
    if (isZero() || o.isZero()) {
      return ZERO;
    }
    Felt[] r = new Felt[coeffs.length + o.coeffs.length - 1];
    Arrays.fill(r, Felt.ZERO);
    for (int i = 0; i < coeffs.length; i++) {
      for (int j = 0; j < o.coeffs.length; j++) {
        r[i + j] = r[i + j].add(coeffs[i].mul(o.coeffs[j]));
      }
    }
    return trim(r);
  }

  /** A quotient and a remainder of polynomial division. */
  public record QuotientRemainder(Polynomial quotient, Polynomial remainder) {}

  /**
   * Divides by x^n − c, returning quotient and remainder (of degree &lt; n), in O(degree) time.
   *
   * @throws IllegalArgumentException if n &lt; 1
   */
  public QuotientRemainder divRemByVanishing(int n, Felt c) {
    if (n < 1) {
      throw new IllegalArgumentException("vanishing polynomial x^n - c needs n >= 1, not " + n);
    }
    Felt[] r = coeffs.clone();
    if (r.length <= n) {
      return new QuotientRemainder(ZERO, this);
    }
    Felt[] q = new Felt[r.length - n];
    // x^i = x^(i-n)·(x^n - c) + c·x^(i-n), from the top down
    for (int i = r.length - 1; i >= n; i--) {
      q[i - n] = r[i];
      r[i - n] = r[i - n].add(c.mul(r[i]));
    }
    return new QuotientRemainder(trim(q), trim(Arrays.copyOf(r, n)));
  }

  /**
   * Returns this / (x^n − c).
   *
   * @throws ArithmeticException if x^n − c does not divide this polynomial
   */
  public Polynomial divideByVanishing(int n, Felt c) {
    QuotientRemainder qr = divRemByVanishing(n, c);
    if (!qr.remainder().isZero()) {
      throw new ArithmeticException(
          "x^" + n + " - " + c + " does not divide the polynomial (non-zero remainder)");
    }
    return qr.quotient();
  }

  /**
   * Returns the polynomial of degree &lt; xs.length through the points (xs[i], ys[i]) by Lagrange
   * interpolation, in O(n²).
   *
   * @throws IllegalArgumentException if the arrays differ in length or xs has a repeated value
   */
  public static Polynomial interpolate(Felt[] xs, Felt[] ys) {
    int n = xs.length;
    if (ys.length != n) {
      throw new IllegalArgumentException(n + " abscissas but " + ys.length + " values");
    }
    Set<Felt> seen = new HashSet<>();
    for (Felt x : xs) {
      if (!seen.add(x)) {
        throw new IllegalArgumentException("repeated abscissa " + x);
      }
    }
    if (n == 0) {
      return ZERO;
    }
    // z(x) = prod (x - x_i), coefficients low to high, degree n
    Felt[] z = new Felt[n + 1];
    Arrays.fill(z, Felt.ZERO);
    z[0] = Felt.ONE;
    for (int i = 0; i < n; i++) {
      for (int k = i + 1; k >= 1; k--) {
        z[k] = z[k - 1].sub(xs[i].mul(z[k]));
      }
      z[0] = z[0].mul(xs[i]).neg();
    }
    // weights w_i = 1 / prod_{j != i} (x_i - x_j) = 1 / z'(x_i)
    Felt[] denominators = new Felt[n];
    Felt[][] quotients = new Felt[n][];
    for (int i = 0; i < n; i++) {
      // z / (x - x_i) by synthetic division, from the top down
      Felt[] q = new Felt[n];
      Felt carry = Felt.ZERO;
      for (int k = n; k >= 1; k--) {
        carry = z[k].add(carry.mul(xs[i]));
        q[k - 1] = carry;
      }
      quotients[i] = q;
      denominators[i] = new Polynomial(q).evaluate(xs[i]);
    }
    Felt[] weights = Felt.batchInverse(denominators);
    Felt[] r = new Felt[n];
    Arrays.fill(r, Felt.ZERO);
    for (int i = 0; i < n; i++) {
      Felt f = ys[i].mul(weights[i]);
      for (int k = 0; k < n; k++) {
        r[k] = r[k].add(quotients[i][k].mul(f));
      }
    }
    return trim(r);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Polynomial p && Arrays.equals(p.coeffs, coeffs);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(coeffs);
  }

  /** Returns the coefficients in decimal, low to high, as {@code [c0, c1, ...]}. */
  @Override
  public String toString() {
    return Arrays.toString(coeffs);
  }
}
