package io.cairn.cairo.vm.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.math.Felt;
import org.junit.jupiter.api.Test;

class PedersenHashTest {
  @Test
  void hashOfZeroAndZeroIsTheShiftPointX() {
    assertEquals(
        Felt.parse("0x49ee3eba8c1600700ee1b87eb599f16716b0b1022947733551fde4050ca6804"),
        PedersenHash.hash(Felt.ZERO, Felt.ZERO));
  }

  @Test
  void publishedVector() {
    assertEquals(
        Felt.parse("0x30e480bed5fe53fa909cc0f8c4d99b8f9f2c016be4c41e13a4848797979c662"),
        PedersenHash.hash(
            Felt.parse("0x3d937c035c878245caf64531a5756109c53068da139362728feb561405371cb"),
            Felt.parse("0x208a0a10250e382e1e4bbe2880906c2791bf6275695e02fbbc6aeff9cd8b31a")));
  }
}
