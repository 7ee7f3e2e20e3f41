package io.cairn.air;

import io.cairn.crypto.Transcript;
import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The DEEP composition polynomial's value at one point, written once for the prover (every LDE
 * point) and the verifier (the queried points):
 *
 * <pre>
 *   D(x) = Σ_j γ_j·(t_j(x) − t_j(z))/(x − z) + γ'_j·(t_j(x) − t_j(g·z))/(x − g·z)
 *        + Σ_i δ_i·(H_i(x) − H_i(z))/(x − z)
 * </pre>
 *
 * It has degree below n exactly when the committed columns agree with the out-of-domain values, so
 * FRI on D binds the {@link OodFrame} to the commitments.
 */
public final class DeepComposition {

  private final Felt[] gammas;
  private final Felt[] nextGammas;
  private final Felt[] deltas;
  private final Felt atZ;
  private final Felt atNextZ;

  private DeepComposition(Felt[] gammas, Felt[] nextGammas, Felt[] deltas, OodFrame ood) {
    this.gammas = gammas;
    this.nextGammas = nextGammas;
    this.deltas = deltas;
    Felt a = Felt.ZERO;
    Felt b = Felt.ZERO;
    for (int j = 0; j < gammas.length; j++) {
      a = a.add(gammas[j].mul(ood.current().get(j)));
      b = b.add(nextGammas[j].mul(ood.next().get(j)));
    }
    for (int i = 0; i < deltas.length; i++) {
      a = a.add(deltas[i].mul(ood.compositionParts().get(i)));
    }
    this.atZ = a;
    this.atNextZ = b;
  }

  /** Draws the coefficients (round "deep"): γ per column, γ' per column, δ per part. */
  public static DeepComposition draw(Transcript transcript, int traceWidth, OodFrame ood) {
    Felt[] gammas = transcript.sampleFelts(traceWidth);
    Felt[] nextGammas = transcript.sampleFelts(traceWidth);
    Felt[] deltas = transcript.sampleFelts(ood.compositionParts().size());
    return new DeepComposition(gammas, nextGammas, deltas, ood);
  }

  /**
   * D over a whole domain at once, with allocation-free vector kernels: the same formula as {@link
   * #evaluate}, arranged as {@code (A(x) − A(z))/(x − z) + (B(x) − B(g·z))/(x − g·z)} with {@code A
   * = Σ γ_j·t_j + Σ δ_i·H_i} and {@code B = Σ γ'_j·t_j} ({@link #combine}).
   *
   * @param trace the trace columns (main then aux) over the domain
   * @param parts the composition parts over the domain
   * @param inverseXMinusZ {@code 1/(x − z)} at every point
   * @param inverseXMinusNextZ {@code 1/(x − g·z)} at every point
   */
  public FeltVector evaluateOverDomain(
      List<FeltVector> trace,
      List<FeltVector> parts,
      FeltVector inverseXMinusZ,
      FeltVector inverseXMinusNextZ) {
    FeltVector[] ab = combine(trace, parts);
    return evaluateOverDomain(ab[0], ab[1], inverseXMinusZ, inverseXMinusNextZ);
  }

  /**
   * The linear combinations {@code A = Σ γ_j·t_j + Σ δ_i·H_i} and {@code B = Σ γ'_j·t_j} of vectors
   * of one length. Being linear, it applies alike to evaluations over a domain and to coefficients:
   * a prover may combine the columns' coefficients and evaluate only A and B.
   *
   * @param trace the trace columns (main then aux)
   * @param parts the composition parts
   * @return {@code {A, B}}
   */
  public FeltVector[] combine(List<FeltVector> trace, List<FeltVector> parts) {
    int size = trace.get(0).length();
    FeltVector[] sums = new FeltVector[2];
    IntStream.range(0, 2)
        .parallel()
        .forEach(
            k -> {
              FeltVector sum = new FeltVector(size);
              Felt[] coefficients = k == 0 ? gammas : nextGammas;
              for (int j = 0; j < coefficients.length; j++) {
                sum.addScaled(coefficients[j], trace.get(j));
              }
              if (k == 0) {
                for (int i = 0; i < deltas.length; i++) {
                  sum.addScaled(deltas[i], parts.get(i));
                }
              }
              sums[k] = sum;
            });
    return sums;
  }

  /**
   * D over a whole domain from {@link #combine}'s A and B over it (both consumed): {@code (A(x) −
   * A(z))/(x − z) + (B(x) − B(g·z))/(x − g·z)}.
   */
  public FeltVector evaluateOverDomain(
      FeltVector a, FeltVector b, FeltVector inverseXMinusZ, FeltVector inverseXMinusNextZ) {
    FeltVector[] sums = {a, b};
    IntStream.range(0, 2)
        .parallel()
        .forEach(
            k -> {
              FeltVector constant = new FeltVector(a.length());
              constant.fill(k == 0 ? atZ : atNextZ);
              sums[k].subInPlace(constant);
              sums[k].mulInPlace(k == 0 ? inverseXMinusZ : inverseXMinusNextZ);
            });
    a.addInPlace(b);
    return a;
  }

  /**
   * D(x) from the trace row (main then aux) and the composition parts at x.
   *
   * @param inverseXMinusZ {@code 1/(x − z)}
   * @param inverseXMinusNextZ {@code 1/(x − g·z)}
   */
  public Felt evaluate(
      Felt[] traceRow, Felt[] compositionRow, Felt inverseXMinusZ, Felt inverseXMinusNextZ) {
    Felt a = Felt.ZERO;
    Felt b = Felt.ZERO;
    for (int j = 0; j < gammas.length; j++) {
      a = a.add(gammas[j].mul(traceRow[j]));
      b = b.add(nextGammas[j].mul(traceRow[j]));
    }
    for (int i = 0; i < deltas.length; i++) {
      a = a.add(deltas[i].mul(compositionRow[i]));
    }
    return a.sub(atZ).mul(inverseXMinusZ).add(b.sub(atNextZ).mul(inverseXMinusNextZ));
  }
}
