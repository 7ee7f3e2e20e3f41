package io.cairn.cairo.prover;

import io.cairn.cairo.prover.CairoProvingException.Kind;
import io.cairn.crypto.Digest;
import io.cairn.crypto.Hasher;
import io.cairn.prover.ProverCheckpoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes of a {@link ProverCheckpoint}, for a client to persist next to its lease: the magic
 * {@code CAIRNPK1}, the completed rounds (u8), the commitment count (u8) and digests, the
 * transcript snapshot length (u16) and bytes.
 */
final class StageCheckpoint {

  private static final byte[] MAGIC = {'C', 'A', 'I', 'R', 'N', 'P', 'K', '1'};

  private StageCheckpoint() {}

  static byte[] encode(ProverCheckpoint checkpoint) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeByte(checkpoint.completedRounds());
      out.writeByte(checkpoint.commitments().size());
      for (Digest d : checkpoint.commitments()) {
        out.write(d.toBytes());
      }
      byte[] transcript = checkpoint.transcript();
      out.writeShort(transcript.length);
      out.write(transcript);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static ProverCheckpoint decode(byte[] bytes) throws CairoProvingException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (!Arrays.equals(in.readNBytes(MAGIC.length), MAGIC)) {
        throw invalid("not a Cairn prover checkpoint", null);
      }
      int rounds = in.readUnsignedByte();
      int count = in.readUnsignedByte();
      List<Digest> commitments = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        byte[] digest = new byte[Hasher.DIGEST_BYTES];
        in.readFully(digest);
        commitments.add(Digest.of(digest));
      }
      byte[] transcript = new byte[in.readUnsignedShort()];
      in.readFully(transcript);
      if (in.available() != 0) {
        throw invalid("trailing bytes after the checkpoint", null);
      }
      return new ProverCheckpoint(rounds, commitments, transcript);
    } catch (IOException | IllegalArgumentException e) {
      throw invalid("malformed checkpoint: " + e.getMessage(), e);
    }
  }

  private static CairoProvingException invalid(String message, Throwable cause) {
    return new CairoProvingException(Kind.INVALID_CHECKPOINT, message, cause);
  }
}
