package io.cairn.air.examples;

import io.cairn.air.Air;
import io.cairn.air.Assertion;
import io.cairn.air.EvaluationFrame;
import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

/**
 * Example AIR that needs the auxiliary-trace (RAP) path: "the prover knows a column {@code b} that
 * is a permutation of {@code start, start+1, …, start+n−2}, and {@code c = b³}".
 *
 * <p>Main columns: {@code a} (the sequence, {@code a' = a + 1}), {@code b} (the secret
 * permutation), {@code c = b³} (a degree-3 constraint, so the composition polynomial is split in
 * two parts). After the main commitment one challenge γ is drawn; the aux column {@code z} is the
 * running product {@code z_0 = 1}, {@code z_{i+1} = z_i·(γ − a_i)/(γ − b_i)}, asserted to end at 1.
 * As in the Cairo AIR, the last row is padding outside the permutation.
 */
public final class PermutationAir implements Air {

  private final int traceLength;
  private final Felt start;

  /** The statement for {@code traceLength} rows and sequence start {@code start}. */
  public PermutationAir(int traceLength, Felt start) {
    this.traceLength = traceLength;
    this.start = start;
  }

  @Override
  public String name() {
    return "cairn.examples.permutation";
  }

  @Override
  public int traceLength() {
    return traceLength;
  }

  @Override
  public int mainWidth() {
    return 3;
  }

  @Override
  public int auxWidth() {
    return 1;
  }

  @Override
  public int numAuxChallenges() {
    return 1;
  }

  @Override
  public List<Integer> transitionDegrees() {
    return List.of(1, 3, 2);
  }

  @Override
  public void evaluateTransition(EvaluationFrame frame, Felt[] challenges, Felt[] out) {
    Felt a = frame.current(0);
    Felt b = frame.current(1);
    Felt gamma = challenges[0];
    out[0] = frame.next(0).sub(a).sub(Felt.ONE);
    out[1] = frame.current(2).sub(b.square().mul(b));
    out[2] = frame.auxNext(0).mul(gamma.sub(b)).sub(frame.auxCurrent(0).mul(gamma.sub(a)));
  }

  @Override
  public List<Assertion> assertions(Felt[] challenges) {
    return List.of(
        Assertion.main(0, 0, start),
        Assertion.aux(0, 0, Felt.ONE),
        Assertion.aux(0, traceLength - 1, Felt.ONE));
  }

  @Override
  public byte[] publicInputs() {
    return ByteBuffer.allocate(32).put(start.toBytesBE()).array();
  }

  @Override
  public List<FeltVector> buildAuxTrace(List<FeltVector> main, Felt[] challenges) {
    Felt gamma = challenges[0];
    FeltVector a = main.get(0);
    FeltVector b = main.get(1);
    Felt[] denominators = new Felt[traceLength - 1];
    for (int i = 0; i < traceLength - 1; i++) {
      denominators[i] = gamma.sub(b.get(i));
    }
    Felt[] inverses = Felt.batchInverse(denominators);
    FeltVector z = new FeltVector(traceLength);
    Felt product = Felt.ONE;
    z.set(0, product);
    for (int i = 0; i < traceLength - 1; i++) {
      product = product.mul(gamma.sub(a.get(i))).mul(inverses[i]);
      z.set(i + 1, product);
    }
    return List.of(z);
  }

  /** An honest main trace whose {@code b} is a seeded shuffle of the sequence. */
  public static List<FeltVector> buildTrace(int traceLength, Felt start, long seed) {
    FeltVector a = new FeltVector(traceLength);
    FeltVector b = new FeltVector(traceLength);
    FeltVector c = new FeltVector(traceLength);
    int[] order = new int[traceLength - 1];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random random = new Random(seed);
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (int i = 0; i < traceLength; i++) {
      a.set(i, start.add(Felt.of(i)));
      Felt value = i < order.length ? start.add(Felt.of(order[i])) : Felt.ZERO;
      b.set(i, value);
      c.set(i, value.square().mul(value));
    }
    return List.of(a, b, c);
  }
}
