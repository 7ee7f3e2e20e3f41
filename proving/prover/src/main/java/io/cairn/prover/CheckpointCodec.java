package io.cairn.prover;

import io.cairn.crypto.Digest;
import io.cairn.crypto.Hasher;
import io.cairn.math.FeltVector;
import io.cairn.prover.ProverCheckpointException.Kind;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The prover checkpoint format, version 3 (docs/protocol.md, "Prover checkpoints"), streamed table
 * by table so that no second copy of a table is held while writing or reading. A table is what
 * {@link CommittedTable} keeps: its columns' coefficients and its Merkle leaves.
 *
 * <pre>
 * magic "CAIRNCKP" | version u8 = 3 | completed rounds u8 | seed transcript (40 bytes)
 * | trace digest (32) | transcript after the last round (40) | table count u8 | header CRC32C u32
 * | per table: width u32, length u32 (n, coefficients per column), rows u32 (N, leaves), root (32),
 *   width·length·4 limbs (u64, column by column), rows leaf digests (32 each, in tree order)
 * | CRC32C u32 of every byte before it
 * </pre>
 */
final class CheckpointCodec {

  static final int VERSION = 3;
  private static final byte[] MAGIC = "CAIRNCKP".getBytes(StandardCharsets.US_ASCII);
  private static final int SNAPSHOT_BYTES = Hasher.DIGEST_BYTES + Long.BYTES;
  private static final int CHUNK_LONGS = 1 << 13;
  private static final int D = Hasher.DIGEST_BYTES;

  /** A table as read back: its coefficients, leaf digests and claimed root. */
  record SavedTable(List<FeltVector> coefficients, byte[] leaves, Digest root) {}

  /**
   * What the reader checks the header against before reading any table.
   *
   * @param seed the seeded transcript snapshot of the resuming session
   * @param traceDigest the digest of the resuming session's main trace, computed on demand
   * @param length the trace length n, the number of coefficients per column
   * @param rows the LDE domain size N, the number of leaves
   * @param widths the widths of the tables committed by the first {@code rounds} rounds
   */
  record Expectations(
      byte[] seed, Supplier<byte[]> traceDigest, int length, int rows, IntFunction<int[]> widths) {}

  /** A checkpoint's header and tables. */
  record Saved(int completedRounds, byte[] transcript, List<SavedTable> tables) {}

  private CheckpointCodec() {}

  static void write(
      OutputStream sink,
      int rounds,
      byte[] seed,
      byte[] traceDigest,
      byte[] transcript,
      List<CommittedTable> tables)
      throws IOException {
    CRC32C crc = new CRC32C();
    DataOutputStream out =
        new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(sink, 1 << 16), crc));
    out.write(MAGIC);
    out.writeByte(VERSION);
    out.writeByte(rounds);
    out.write(seed);
    out.write(traceDigest);
    out.write(transcript);
    out.writeByte(tables.size());
    out.writeInt((int) crc.getValue());
    byte[] chunk = new byte[CHUNK_LONGS * Long.BYTES];
    for (CommittedTable table : tables) {
      int rows = table.tree().leafCount();
      out.writeInt(table.width());
      out.writeInt(table.coefficients().get(0).length());
      out.writeInt(rows);
      out.write(table.tree().root().toBytes());
      for (FeltVector column : table.coefficients()) {
        long[] limbs = column.limbs();
        for (int from = 0; from < limbs.length; from += CHUNK_LONGS) {
          int n = Math.min(CHUNK_LONGS, limbs.length - from);
          ByteBuffer.wrap(chunk).asLongBuffer().put(limbs, from, n);
          out.write(chunk, 0, n * Long.BYTES);
        }
      }
      byte[] leaf = new byte[D];
      for (int i = 0; i < rows; i++) {
        table.tree().leaf(i).writeTo(leaf, 0);
        out.write(leaf);
      }
    }
    out.writeInt((int) crc.getValue());
    out.flush();
  }

  static Saved read(InputStream source, Expectations expected)
      throws IOException, ProverCheckpointException {
    CRC32C crc = new CRC32C();
    DataInputStream in =
        new DataInputStream(new CheckedInputStream(new BufferedInputStream(source, 1 << 16), crc));
    try {
      if (!Arrays.equals(in.readNBytes(MAGIC.length), MAGIC)) {
        throw fail(Kind.CORRUPT, "not a Cairn prover checkpoint");
      }
      int version = in.readUnsignedByte();
      if (version != VERSION) {
        throw fail(Kind.UNSUPPORTED_VERSION, "format version " + version + ", expected " + VERSION);
      }
      int rounds = in.readUnsignedByte();
      byte[] seed = readBytes(in, SNAPSHOT_BYTES);
      byte[] traceDigest = readBytes(in, D);
      byte[] transcript = readBytes(in, SNAPSHOT_BYTES);
      int count = in.readUnsignedByte();
      int headerCrc = (int) crc.getValue();
      if (in.readInt() != headerCrc) {
        throw fail(Kind.CORRUPT, "header checksum mismatch");
      }
      if (rounds < 1 || rounds > 3) {
        throw fail(Kind.CORRUPT, "checkpoints exist after rounds 1 to 3, not " + rounds);
      }
      if (!Arrays.equals(seed, expected.seed())) {
        throw fail(Kind.FOREIGN, "taken for another AIR, public input, options, hash or context");
      }
      if (!Arrays.equals(traceDigest, expected.traceDigest().get())) {
        throw fail(Kind.FOREIGN, "taken for another trace");
      }
      int[] widths = expected.widths().apply(rounds);
      if (count != widths.length) {
        throw fail(Kind.CORRUPT, count + " tables, expected " + widths.length);
      }
      List<SavedTable> tables = new ArrayList<>();
      for (int width : widths) {
        tables.add(readTable(in, width, expected.length(), expected.rows()));
      }
      int bodyCrc = (int) crc.getValue();
      if (in.readInt() != bodyCrc) {
        throw fail(Kind.CORRUPT, "checksum mismatch");
      }
      if (in.read() != -1) {
        throw fail(Kind.CORRUPT, "trailing bytes after the checkpoint");
      }
      return new Saved(rounds, transcript, tables);
    } catch (EOFException e) {
      throw fail(Kind.TRUNCATED, "the stream ends inside the checkpoint");
    }
  }

  private static SavedTable readTable(DataInputStream in, int width, int length, int rows)
      throws IOException, ProverCheckpointException {
    int savedWidth = in.readInt();
    int savedLength = in.readInt();
    int savedRows = in.readInt();
    if (savedWidth != width || savedLength != length || savedRows != rows) {
      throw fail(
          Kind.CORRUPT,
          String.format(
              "table of %d×%d coefficients and %d leaves, expected %d×%d and %d",
              savedWidth, savedLength, savedRows, width, length, rows));
    }
    Digest root = Digest.of(readBytes(in, D));
    byte[] chunk = new byte[CHUNK_LONGS * Long.BYTES];
    List<FeltVector> columns = new ArrayList<>(width);
    for (int c = 0; c < width; c++) {
      long[] limbs = new long[length * FeltVector.LIMBS];
      for (int from = 0; from < limbs.length; from += CHUNK_LONGS) {
        int n = Math.min(CHUNK_LONGS, limbs.length - from);
        in.readFully(chunk, 0, n * Long.BYTES);
        ByteBuffer.wrap(chunk, 0, n * Long.BYTES).asLongBuffer().get(limbs, from, n);
      }
      columns.add(FeltVector.wrapLimbs(limbs));
    }
    byte[] leaves = readBytes(in, rows * D);
    return new SavedTable(columns, leaves, root);
  }

  /** H(H(column 0 limbs) ‖ … ‖ H(column w−1 limbs)), the limbs as big-endian u64. */
  static byte[] traceDigest(Hasher hasher, List<FeltVector> trace) {
    byte[] columnDigests = new byte[trace.size() * D];
    IntStream.range(0, trace.size())
        .parallel()
        .forEach(
            c -> {
              long[] limbs = trace.get(c).limbs();
              ByteBuffer bytes = ByteBuffer.allocate(limbs.length * Long.BYTES);
              bytes.asLongBuffer().put(limbs);
              hasher.hash(bytes.array(), 0, bytes.capacity(), columnDigests, c * D);
            });
    return hasher.hash(columnDigests).toBytes();
  }

  private static byte[] readBytes(DataInputStream in, int n) throws IOException {
    byte[] bytes = new byte[n];
    in.readFully(bytes);
    return bytes;
  }

  private static ProverCheckpointException fail(Kind kind, String message) {
    return new ProverCheckpointException(kind, message);
  }
}
