package io.cairn.verifier;

import io.cairn.air.Air;
import io.cairn.air.ProofCodec;
import io.cairn.air.ProofFormatException;
import io.cairn.air.ProofOptions;
import io.cairn.air.StarkLayout;
import io.cairn.air.StarkProof;
import io.cairn.crypto.Hasher;
import io.cairn.crypto.Keccak256;
import io.cairn.verifier.VerificationException.Kind;

/**
 * Checks a STARK proof against an {@link Air} built from what the caller already knows: returns
 * normally when the proof is valid, otherwise throws a {@link VerificationException} naming the
 * failed check. Its rounds mirror the prover's ({@code ProvingSession}) and docs/protocol.md.
 *
 * <pre>{@code
 * new StarkVerifier(128).verify(new FibonacciAir(n, result), proofBytes, leaseId);
 * }</pre>
 *
 * <p>The cost is polylogarithmic in the trace length: it touches only the queried rows and never
 * materialises a domain.
 */
public final class StarkVerifier {

  private final int minSecurityBits;
  private final Hasher hasher;

  /** A verifier that refuses proofs below {@code minSecurityBits} of conjectured security. */
  public StarkVerifier(int minSecurityBits) {
    this(minSecurityBits, Keccak256.INSTANCE);
  }

  /** A verifier with a minimum security level and a hash (the prover's). */
  public StarkVerifier(int minSecurityBits, Hasher hasher) {
    this.minSecurityBits = minSecurityBits;
    this.hasher = hasher;
  }

  /**
   * Decodes and verifies an encoded proof; a malformed encoding is {@link Kind#MALFORMED_PROOF}.
   */
  public void verify(Air air, byte[] encodedProof, byte[] context) throws VerificationException {
    StarkProof proof;
    try {
      proof = ProofCodec.decode(encodedProof);
    } catch (ProofFormatException e) {
      throw new VerificationException(Kind.MALFORMED_PROOF, e.getMessage(), e);
    }
    verify(air, proof, context);
  }

  /** Verifies a decoded proof for the statement {@code air} and the caller's {@code context}. */
  public void verify(Air air, StarkProof proof, byte[] context) throws VerificationException {
    ProofOptions options = proof.options();
    StarkLayout layout;
    try {
      layout = new StarkLayout(air, options);
    } catch (IllegalArgumentException e) {
      throw new VerificationException(Kind.MALFORMED_PROOF, e.getMessage(), e);
    }
    int bits = options.conjecturedSecurityBits(layout.logTraceLength());
    if (bits < minSecurityBits) {
      throw new VerificationException(
          Kind.INSUFFICIENT_SECURITY, bits + " bits, at least " + minSecurityBits + " required");
    }
    ProofShape.check(air, layout, proof);
    new VerifierRounds(hasher, air, layout, proof, context).run();
  }
}
