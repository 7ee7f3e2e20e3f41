package io.cairn.daemon.validator;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A stand-in verifier for the validator's own tests only (never on a production class path): a
 * "proof" is a SHA-256 over the statement (program bytes, input, output, lease token), the steps
 * and security bits it claims, and the output. It binds the same things a STARK proof binds, so the
 * tests can show that a proof for another lease, input or output is rejected.
 */
final class DigestProofVerifier implements ProofVerifier {

  static byte[] prove(
      byte[] program, long[] input, long[] output, String leaseToken, long steps, int bits) {
    ByteBuffer b = ByteBuffer.allocate(32 + 16 + 8 * output.length);
    b.put(digest(program, big(input), big(output), leaseToken)).putLong(steps).putInt(bits);
    b.putInt(output.length);
    for (long o : output) {
      b.putLong(o);
    }
    return b.array();
  }

  @Override
  public List<BigInteger> claimedOutput(byte[] proof) throws ProofRejectedException {
    if (proof.length < 48) {
      throw new ProofRejectedException(RejectionKind.MALFORMED_PROOF, proof.length + " bytes");
    }
    ByteBuffer b = ByteBuffer.wrap(proof, 44, proof.length - 44);
    int n = b.getInt();
    if (n < 0 || proof.length != 48 + 8 * n) {
      throw new ProofRejectedException(RejectionKind.MALFORMED_PROOF, "bad output length");
    }
    List<BigInteger> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(BigInteger.valueOf(b.getLong()));
    }
    return out;
  }

  @Override
  public VerifiedProof verify(ProofStatement s, byte[] proof) throws ProofRejectedException {
    List<BigInteger> proven = claimedOutput(proof);
    if (!proven.equals(s.claimedOutput())) {
      throw new ProofRejectedException(RejectionKind.OUTPUT_MISMATCH, "another output");
    }
    ByteBuffer b = ByteBuffer.wrap(proof);
    byte[] claimed = new byte[32];
    b.get(claimed);
    byte[] expected =
        digest(
            s.programJson(),
            s.input().toArray(BigInteger[]::new),
            s.claimedOutput().toArray(BigInteger[]::new),
            s.leaseToken());
    if (!Arrays.equals(claimed, expected)) {
      throw new ProofRejectedException(RejectionKind.STARK_REJECTED, "digest mismatch");
    }
    return new VerifiedProof(b.getLong(), b.getInt());
  }

  private static BigInteger[] big(long[] values) {
    return Arrays.stream(values).mapToObj(BigInteger::valueOf).toArray(BigInteger[]::new);
  }

  private static byte[] digest(
      byte[] program, BigInteger[] input, BigInteger[] output, String leaseToken) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(program);
      d.update(Arrays.toString(input).getBytes(StandardCharsets.UTF_8));
      d.update(Arrays.toString(output).getBytes(StandardCharsets.UTF_8));
      d.update(leaseToken.getBytes(StandardCharsets.UTF_8));
      return d.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
