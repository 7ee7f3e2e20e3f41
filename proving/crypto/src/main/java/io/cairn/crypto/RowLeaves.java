package io.cairn.crypto;

import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import java.math.BigInteger;
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

  /**
   * R^-1 for the Montgomery radix R = 2^256: multiplying a {@link FeltVector} by it leaves the
   * canonical value of each element in its limbs (the vector stores x·R; see {@link
   * FeltVector#limbs}).
   */
  private static final Felt INVERSE_RADIX =
      Felt.of(BigInteger.ONE.shiftLeft(256).modInverse(Felt.MODULUS));

  private static final int CHUNK = 256;

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
   * Hashes the rows of a table stored as columns, in parallel and without a {@link Felt} per cell:
   * leaf {@code bitrev(i)} is row {@code i} when {@code bitReversed} (the LDE commitment layout),
   * otherwise leaf {@code i} is row {@code i}. Same leaves as {@link #hashRow} on each row.
   */
  public static byte[] hashColumns(Hasher hasher, List<FeltVector> columns, boolean bitReversed) {
    int rows = columns.get(0).length();
    int bits = Integer.numberOfTrailingZeros(rows);
    int width = columns.size();
    byte[] digests = new byte[rows * Hasher.DIGEST_BYTES];
    IntStream.range(0, (rows + CHUNK - 1) / CHUNK)
        .parallel()
        .forEach(
            c -> {
              int from = c * CHUNK;
              int to = Math.min(rows, from + CHUNK);
              long[][] canonical = new long[width][];
              for (int col = 0; col < width; col++) {
                FeltVector chunk = columns.get(col).copyOfRange(from, to);
                chunk.mulBy(INVERSE_RADIX);
                canonical[col] = chunk.limbs();
              }
              byte[] buffer = new byte[width * Felt.BYTES];
              for (int row = from; row < to; row++) {
                int o = (row - from) * FeltVector.LIMBS;
                for (int col = 0; col < width; col++) {
                  long[] limbs = canonical[col];
                  int b = col * Felt.BYTES;
                  writeLongBE(limbs[o + 3], buffer, b);
                  writeLongBE(limbs[o + 2], buffer, b + 8);
                  writeLongBE(limbs[o + 1], buffer, b + 16);
                  writeLongBE(limbs[o], buffer, b + 24);
                }
                int leaf = bitReversed && bits > 0 ? Integer.reverse(row) >>> (32 - bits) : row;
                hasher.hash(buffer, 0, buffer.length, digests, leaf * Hasher.DIGEST_BYTES);
              }
            });
    return digests;
  }

  private static void writeLongBE(long v, byte[] out, int offset) {
    for (int i = 7; i >= 0; i--) {
      out[offset + i] = (byte) v;
      v >>>= 8;
    }
  }

  /**
   * Hashes {@code leafCount} rows of {@code width} cells in parallel; leaf {@code i} is row {@code
   * i} of {@code table}. Returns the concatenated leaf digests, ready for {@link MerkleTree#build}.
   */
  public static byte[] hashRows(Hasher hasher, int leafCount, int width, Table table) {
    byte[] digests = new byte[leafCount * Hasher.DIGEST_BYTES];
    int chunk = CHUNK;
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
