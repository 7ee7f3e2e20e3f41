package io.cairn.air;

import io.cairn.crypto.BatchOpening;
import io.cairn.crypto.Digest;
import io.cairn.crypto.Hasher;
import io.cairn.fri.FriLayerQueries;
import io.cairn.fri.FriProof;
import io.cairn.math.Felt;
import io.cairn.math.NonCanonicalFeltException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The versioned, canonical binary encoding of a {@link StarkProof} (layout in docs/protocol.md,
 * "Proof encoding"). Every byte string decodes to at most one proof and every proof encodes to
 * exactly one byte string: integers are big-endian and fixed-width, field elements are 32-byte
 * big-endian values below p, and nothing may follow the last field.
 */
public final class ProofCodec {

  /** The first four bytes of every encoded proof. */
  static final int MAGIC = 0x4352_4e50; // "CRNP"

  /** The encoding version this codec writes and reads. */
  public static final int VERSION = 1;

  private ProofCodec() {}

  /** Encodes a proof. */
  public static byte[] encode(StarkProof proof) {
    Writer w = new Writer();
    w.out.writeBytes(ByteBuffer.allocate(5).putInt(MAGIC).put((byte) VERSION).array());
    w.out.writeBytes(proof.options().toBytes());
    w.u8(proof.traceRoots().size());
    proof.traceRoots().forEach(w::digest);
    w.digest(proof.compositionRoot());
    w.felts(proof.ood().current());
    w.felts(proof.ood().next());
    w.felts(proof.ood().compositionParts());
    FriProof fri = proof.fri();
    w.u8(fri.layerRoots().size());
    fri.layerRoots().forEach(w::digest);
    w.felts(fri.remainder());
    w.u8(fri.layerQueries().size());
    for (FriLayerQueries layer : fri.layerQueries()) {
      w.rows(layer.values(), layer.opening());
    }
    w.out.writeBytes(ByteBuffer.allocate(8).putLong(proof.powNonce()).array());
    w.u8(proof.traceQueries().size());
    for (QueriedRows rows : proof.traceQueries()) {
      w.rows(rows.values(), rows.opening());
    }
    w.rows(proof.compositionQueries().values(), proof.compositionQueries().opening());
    return w.out.toByteArray();
  }

  /**
   * Decodes a proof.
   *
   * @throws ProofFormatException if the bytes are not exactly one canonical proof encoding
   */
  public static StarkProof decode(byte[] bytes) throws ProofFormatException {
    Reader r = new Reader(bytes);
    if (r.u32() != MAGIC) {
      throw new ProofFormatException("not a Cairn proof (bad magic)");
    }
    int version = r.u8();
    if (version != VERSION) {
      throw new ProofFormatException("unsupported proof version " + version);
    }
    ProofOptions options;
    try {
      options = new ProofOptions(r.u8(), r.u8(), r.u8());
    } catch (IllegalArgumentException e) {
      throw new ProofFormatException("invalid options: " + e.getMessage());
    }
    List<Digest> traceRoots = r.digests(r.u8());
    Digest compositionRoot = r.digest();
    OodFrame ood = new OodFrame(r.felts(), r.felts(), r.felts());
    List<Digest> layerRoots = r.digests(r.u8());
    List<Felt> remainder = r.felts();
    int layers = r.u8();
    List<FriLayerQueries> layerQueries = new ArrayList<>();
    for (int i = 0; i < layers; i++) {
      layerQueries.add(new FriLayerQueries(r.felts(), r.opening()));
    }
    long nonce = r.u64();
    int tables = r.u8();
    List<QueriedRows> traceQueries = new ArrayList<>();
    for (int i = 0; i < tables; i++) {
      traceQueries.add(new QueriedRows(r.felts(), r.opening()));
    }
    QueriedRows compositionQueries = new QueriedRows(r.felts(), r.opening());
    if (r.position != bytes.length) {
      throw new ProofFormatException((bytes.length - r.position) + " trailing bytes");
    }
    return new StarkProof(
        options,
        traceRoots,
        compositionRoot,
        ood,
        new FriProof(layerRoots, remainder, layerQueries),
        nonce,
        traceQueries,
        compositionQueries);
  }

  private static final class Writer {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    void u8(int value) {
      if (value > 0xff) {
        throw new IllegalArgumentException("count does not fit the encoding: " + value);
      }
      out.write(value);
    }

    void digest(Digest d) {
      out.writeBytes(d.toBytes());
    }

    void felts(List<Felt> values) {
      out.writeBytes(ByteBuffer.allocate(4).putInt(values.size()).array());
      for (Felt f : values) {
        out.writeBytes(f.toBytesBE());
      }
    }

    void rows(List<Felt> values, BatchOpening opening) {
      if (opening.siblings().size() > 0xffff) {
        throw new IllegalArgumentException("opening too large for the encoding");
      }
      felts(values);
      out.writeBytes(ByteBuffer.allocate(2).putShort((short) opening.siblings().size()).array());
      opening.siblings().forEach(this::digest);
    }
  }

  private static final class Reader {
    final byte[] bytes;
    int position;

    Reader(byte[] bytes) {
      this.bytes = bytes;
    }

    private void need(long count) throws ProofFormatException {
      if (count > bytes.length - position) {
        throw new ProofFormatException("truncated at byte " + position);
      }
    }

    int u8() throws ProofFormatException {
      need(1);
      return bytes[position++] & 0xff;
    }

    int u16() throws ProofFormatException {
      need(2);
      int v = ByteBuffer.wrap(bytes, position, 2).getShort() & 0xffff;
      position += 2;
      return v;
    }

    int u32() throws ProofFormatException {
      need(4);
      int v = ByteBuffer.wrap(bytes, position, 4).getInt();
      position += 4;
      return v;
    }

    long u64() throws ProofFormatException {
      need(8);
      long v = ByteBuffer.wrap(bytes, position, 8).getLong();
      position += 8;
      return v;
    }

    Digest digest() throws ProofFormatException {
      need(Hasher.DIGEST_BYTES);
      Digest d = Digest.copyOf(bytes, position);
      position += Hasher.DIGEST_BYTES;
      return d;
    }

    List<Digest> digests(int count) throws ProofFormatException {
      need((long) count * Hasher.DIGEST_BYTES);
      List<Digest> out = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        out.add(digest());
      }
      return out;
    }

    List<Felt> felts() throws ProofFormatException {
      long count = Integer.toUnsignedLong(u32());
      need(count * Felt.BYTES);
      List<Felt> out = new ArrayList<>((int) count);
      for (int i = 0; i < count; i++) {
        try {
          out.add(Felt.fromBytesBE(bytes, position));
        } catch (NonCanonicalFeltException e) {
          throw new ProofFormatException("non-canonical field element at byte " + position);
        }
        position += Felt.BYTES;
      }
      return out;
    }

    BatchOpening opening() throws ProofFormatException {
      return new BatchOpening(digests(u16()));
    }
  }
}
