package io.cairn.crypto;

/** Thrown by {@link MerkleVerifier} when an opening does not authenticate the claimed leaves. */
public final class MerkleProofException extends Exception {

  /** A failure described by {@code message}. */
  public MerkleProofException(String message) {
    super(message);
  }
}
