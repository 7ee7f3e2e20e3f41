package io.cairn.cairo.vm.builtin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.cairo.vm.Memory;
import io.cairn.cairo.vm.Relocatable;
import io.cairn.math.Felt;
import org.junit.jupiter.api.Test;

class PoseidonPermutationTest {
  // lambdaclass/cairo-vm cairo_programs/poseidon_builtin.cairo asserts these for state (1, 2, 3).
  static final Felt[] EXPECTED = {
    Felt.parse("442682200349489646213731521593476982257703159825582578145778919623645026501"),
    Felt.parse("2233832504250924383748553933071188903279928981104663696710686541536735838182"),
    Felt.parse("2512222140811166287287541003826449032093371832913959128171347018667852712082")
  };

  @Test
  void permutationOfOneTwoThree() {
    assertArrayEquals(
        EXPECTED, PoseidonPermutation.permute(new Felt[] {Felt.of(1), Felt.of(2), Felt.of(3)}));
  }

  @Test
  void builtinDeducesOutputCells() {
    Memory m = new Memory(100);
    int seg = m.addSegment();
    PoseidonBuiltin b = new PoseidonBuiltin();
    m.attachBuiltin(seg, b);
    for (int i = 0; i < 3; i++) {
      m.insert(seg, 6 + i, Felt.of(i + 1));
    }
    assertEquals(EXPECTED[1], b.deduce(m, new Relocatable(seg, 10)));
    assertEquals(null, b.deduce(m, new Relocatable(seg, 4)));
  }
}
