package io.cairn.air;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.crypto.Keccak256;
import io.cairn.crypto.Transcript;
import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The prover's vector form of DEEP equals the verifier's pointwise form (the slow oracle). */
class DeepCompositionTest {

  private static FeltVector random(Random random, int size) {
    FeltVector v = new FeltVector(size);
    for (int i = 0; i < size; i++) {
      v.set(i, Felt.of(random.nextLong() & Long.MAX_VALUE).add(Felt.ONE));
    }
    return v;
  }

  @Test
  void vectorFormMatchesPointwiseForm() {
    Random random = new Random(3);
    int size = 64;
    int width = 3;
    List<FeltVector> trace = new ArrayList<>();
    for (int j = 0; j < width; j++) {
      trace.add(random(random, size));
    }
    List<FeltVector> parts = List.of(random(random, size), random(random, size));
    FeltVector inverseZ = random(random, size);
    FeltVector inverseNextZ = random(random, size);
    List<Felt> current = List.of(Felt.of(1), Felt.of(2), Felt.of(3));
    List<Felt> next = List.of(Felt.of(4), Felt.of(5), Felt.of(6));
    OodFrame ood = new OodFrame(current, next, List.of(Felt.of(7), Felt.of(8)));
    DeepComposition deep =
        DeepComposition.draw(new Transcript(Keccak256.INSTANCE, "deep-test"), width, ood);

    FeltVector all = deep.evaluateOverDomain(trace, parts, inverseZ, inverseNextZ);
    for (int i = 0; i < size; i++) {
      Felt[] row = new Felt[width];
      for (int j = 0; j < width; j++) {
        row[j] = trace.get(j).get(i);
      }
      Felt[] partRow = {parts.get(0).get(i), parts.get(1).get(i)};
      assertEquals(deep.evaluate(row, partRow, inverseZ.get(i), inverseNextZ.get(i)), all.get(i));
    }
  }
}
