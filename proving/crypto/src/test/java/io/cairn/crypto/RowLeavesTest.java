package io.cairn.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The column fast path produces exactly the leaves of the per-row definition. */
class RowLeavesTest {

  @Test
  void columnHashingMatchesRowHashingInBothLeafOrders() {
    Random random = new Random(21);
    int rows = 1024;
    List<FeltVector> columns = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      FeltVector column = new FeltVector(rows);
      for (int i = 0; i < rows; i++) {
        column.set(i, Felt.of(new BigInteger(252, random).mod(Felt.MODULUS)));
      }
      column.set(0, Felt.ZERO);
      column.set(1, Felt.of(Felt.MODULUS.subtract(BigInteger.ONE)));
      columns.add(column);
    }
    for (boolean bitReversed : new boolean[] {false, true}) {
      byte[] expected = new byte[rows * Hasher.DIGEST_BYTES];
      for (int i = 0; i < rows; i++) {
        int row = i;
        Digest leaf =
            RowLeaves.hashRow(Keccak256.INSTANCE, columns.stream().map(c -> c.get(row)).toList());
        int position = bitReversed ? Integer.reverse(i) >>> 22 : i;
        leaf.writeTo(expected, position * Hasher.DIGEST_BYTES);
      }
      assertArrayEquals(expected, RowLeaves.hashColumns(Keccak256.INSTANCE, columns, bitReversed));
    }
  }
}
