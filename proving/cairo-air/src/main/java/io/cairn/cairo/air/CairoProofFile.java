package io.cairn.cairo.air;

import io.cairn.math.Felt;
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
 * The bytes a donor uploads: the {@link ExecutionClaim}, the claimed output, and the STARK proof
 * (the generic proof codec's encoding). The program, input and lease id are not in it: the verifier
 * has them.
 *
 * <p>Layout: the 8-byte magic {@code CAIRNCP1}, the claim ({@link ExecutionClaim#write}), the
 * output count (u32) and felts (32 bytes big-endian each), the proof length (u32) and bytes.
 * Decoding is strict: any trailing byte, non-canonical felt or out-of-range length is refused.
 *
 * @param claim the prover's claims
 * @param output the claimed output
 * @param stark the encoded STARK proof
 */
public record CairoProofFile(ExecutionClaim claim, List<Felt> output, byte[] stark) {

  private static final byte[] MAGIC = {'C', 'A', 'I', 'R', 'N', 'C', 'P', '1'};

  /** The most output felts a proof file may claim. */
  public static final int MAX_OUTPUT = 1 << 20;

  /** Copies the output list. */
  public CairoProofFile {
    output = List.copyOf(output);
    stark = stark.clone();
  }

  /** The encoded STARK proof (a copy). */
  @Override
  public byte[] stark() {
    return stark.clone();
  }

  /** Encodes the file. */
  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(stark.length + 1024);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      claim.write(out);
      out.writeInt(output.size());
      for (Felt f : output) {
        out.write(f.toBytesBE());
      }
      out.writeInt(stark.length);
      out.write(stark);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Decodes what {@link #encode} wrote.
   *
   * @throws CairoVerificationException of kind {@code MALFORMED_PROOF} on any deviation
   */
  public static CairoProofFile decode(byte[] bytes) throws CairoVerificationException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw malformed("not a Cairn Cairo proof (bad magic)", null);
      }
      ExecutionClaim claim = ExecutionClaim.read(in);
      int count = in.readInt();
      if (count < 0 || count > MAX_OUTPUT) {
        throw malformed("output count out of range: " + count, null);
      }
      List<Felt> output = new ArrayList<>(count);
      byte[] felt = new byte[Felt.BYTES];
      for (int i = 0; i < count; i++) {
        in.readFully(felt);
        output.add(Felt.fromBytesBE(felt, 0));
      }
      int length = in.readInt();
      if (length < 0 || length > in.available()) {
        throw malformed("proof length out of range: " + length, null);
      }
      byte[] stark = in.readNBytes(length);
      if (in.available() != 0) {
        throw malformed("trailing bytes after the proof", null);
      }
      return new CairoProofFile(claim, output, stark);
    } catch (IOException | NumberFormatException e) {
      throw malformed("truncated or non-canonical proof file: " + e.getMessage(), e);
    }
  }

  private static CairoVerificationException malformed(String message, Throwable cause) {
    return new CairoVerificationException(
        CairoVerificationException.Kind.MALFORMED_PROOF, message, cause);
  }
}
