package io.cairn.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The server's Ed25519 key: it signs every program so that a donor can check what it downloaded.
 * The signed message is the ASCII of {@code "cairn-program-v1:" + sha256_hex(file)}, as
 * docs/donor-protocol.md fixes it.
 */
public final class ServerKey {
  /** The prefix of the signed message. */
  public static final String PROGRAM_MESSAGE_PREFIX = "cairn-program-v1:";

  private final Ed25519PrivateKeyParameters privateKey;
  private final Ed25519PublicKeyParameters publicKey;

  private ServerKey(Ed25519PrivateKeyParameters privateKey) {
    this.privateKey = privateKey;
    this.publicKey = privateKey.generatePublicKey();
  }

  /** The key with this 32-byte seed (the private key as RFC 8032 defines it). */
  public static ServerKey fromSeed(byte[] seed) {
    if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
      throw new IllegalArgumentException("an Ed25519 private key has 32 bytes, got " + seed.length);
    }
    return new ServerKey(new Ed25519PrivateKeyParameters(seed, 0));
  }

  /** A fresh random key (tests and the embedded demo when none is configured). */
  public static ServerKey generate() {
    return new ServerKey(new Ed25519PrivateKeyParameters(new SecureRandom()));
  }

  /** The raw 32-byte public key. */
  public byte[] publicKey() {
    return publicKey.getEncoded();
  }

  public String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(publicKey());
  }

  /** Signs the program message for a file whose SHA-256 is {@code sha256Hex}. */
  public byte[] signProgram(String sha256Hex) {
    byte[] message = (PROGRAM_MESSAGE_PREFIX + sha256Hex).getBytes(StandardCharsets.US_ASCII);
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, privateKey);
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  /** Checks a program signature with a public key, as a client does. */
  public static boolean verifyProgram(byte[] publicKey, String sha256Hex, byte[] signature) {
    byte[] message = (PROGRAM_MESSAGE_PREFIX + sha256Hex).getBytes(StandardCharsets.US_ASCII);
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
    verifier.update(message, 0, message.length);
    return verifier.verifySignature(signature);
  }
}
