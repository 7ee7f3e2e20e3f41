package io.cairn.crypto;

import io.cairn.math.Felt;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Merkle leaves over rows of field elements: a leaf is the hash of the row's canonical 32-byte
 * big-endian encodings, concatenated in column order. Prover and verifier compute leaves only here,
 * so both sides agree on the encoding by construction.
 */
public final class RowLeaves {

  /** Reads the value at ({@code row}, {@code column}) of a table being committed. */
  @FunctionalInterface
  public interface Table {
    /** Writes the canonical big-endian encoding of the cell into {@code out} at {@code offset}. */
    void writeCell(int row, int column, byte[] out, int offset);
  }

  private RowLeaves() {}

  /** The leaf digest of one row. */
  public static Digest hashRow(Hasher hasher, List<Felt> row) {
    byte[] buffer = new byte[row.size() * Felt.BYTES];
    for (int c = 0; c < row.size(); c++) {
      row.get(c).writeBytesBE(buffer, c * Felt.BYTES);
    }
    return hasher.hash(buffer);
  }

  /**
   * Hashes {@code leafCount} rows of {@code width} cells in parallel; leaf {@code i} is row {@code
   * i} of {@code table}. Returns the concatenated leaf digests, ready for {@link MerkleTree#build}.
   */
  public static byte[] hashRows(Hasher hasher, int leafCount, int width, Table table) {
    byte[] digests = new byte[leafCount * Hasher.DIGEST_BYTES];
    int chunk = 256;
    IntStream.range(0, (leafCount + chunk - 1) / chunk)
        .parallel()
        .forEach(
            c -> {
              byte[] buffer = new byte[width * Felt.BYTES];
              int end = Math.min(leafCount, (c + 1) * chunk);
              for (int row = c * chunk; row < end; row++) {
                for (int col = 0; col < width; col++) {
                  table.writeCell(row, col, buffer, col * Felt.BYTES);
                }
                hasher.hash(buffer, 0, buffer.length, digests, row * Hasher.DIGEST_BYTES);
              }
            });
    return digests;
  }
}
