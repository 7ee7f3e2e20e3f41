package io.cairn.client.work;

import io.cairn.cairo.vm.program.CairoProgram;
import io.cairn.cairo.vm.program.ProgramLoadException;
import io.cairn.client.work.ProgramVerificationException.Kind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The checks of docs/donor-protocol.md, "What the client checks before running anything", in their
 * order: the file's sha256, the server's Ed25519 signature over {@code "cairn-program-v1:" +
 * sha256_hex} with the key pinned at attach, and that the Cairo VM loads it. Nothing runs unless
 * all three pass.
 */
public final class ProgramVerifier {
  /** The DER prefix of an X.509 Ed25519 public key; the raw 32 bytes follow. */
  private static final byte[] ED25519_X509_PREFIX =
      HexFormat.of().parseHex("302a300506032b6570032100");

  private ProgramVerifier() {}

  /** Checks {@code file} and returns the loaded program. */
  public static CairoProgram verify(
      byte[] file, String expectedSha256, String signatureBase64, byte[] serverPublicKey)
      throws ProgramVerificationException {
    String actual = sha256Hex(file);
    if (!actual.equalsIgnoreCase(expectedSha256)) {
      throw new ProgramVerificationException(
          Kind.HASH_MISMATCH, "expected " + expectedSha256 + ", got " + actual, null);
    }
    if (!signatureValid(serverPublicKey, signatureBase64, actual)) {
      throw new ProgramVerificationException(
          Kind.BAD_SIGNATURE, "the server's signature over " + actual + " does not verify", null);
    }
    try {
      return CairoProgram.load(new ByteArrayInputStream(file));
    } catch (ProgramLoadException | RuntimeException e) {
      throw new ProgramVerificationException(Kind.UNLOADABLE, String.valueOf(e.getMessage()), e);
    }
  }

  static boolean signatureValid(byte[] rawKey, String signatureBase64, String sha256Hex) {
    try {
      byte[] der = new byte[ED25519_X509_PREFIX.length + rawKey.length];
      System.arraycopy(ED25519_X509_PREFIX, 0, der, 0, ED25519_X509_PREFIX.length);
      System.arraycopy(rawKey, 0, der, ED25519_X509_PREFIX.length, rawKey.length);
      PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(key);
      s.update(("cairn-program-v1:" + sha256Hex).getBytes(StandardCharsets.US_ASCII));
      return s.verify(Base64.getDecoder().decode(signatureBase64));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  /** Lowercase hex sha256. */
  public static String sha256Hex(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
