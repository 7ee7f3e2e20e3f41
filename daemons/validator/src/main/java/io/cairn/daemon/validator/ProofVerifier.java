package io.cairn.daemon.validator;

import java.math.BigInteger;
import java.util.List;

/**
 * The verification step of the validator: checks a donor's proof against the statement the server
 * rebuilt from its own rows. The validator does everything else (claiming uploads, loading blobs,
 * credit, penalties, state changes); an implementation only answers "does this proof prove this
 * statement, and what did it prove".
 *
 * <p>To connect a verifier:
 *
 * <ol>
 *   <li>Implement {@link #claimedOutput}: the output the proof file claims (the upload handler does
 *       not store one; the proof carries it).
 *   <li>Implement {@link #verify}: decode {@code proof}, check it proves exactly {@code statement}
 *       (program, input, claimed output, lease token) at no less than {@link
 *       ProofStatement#minSecurityBits()}, and return the steps it covers and the security it
 *       gives.
 *   <li>Throw {@link ProofRejectedException} with the {@link RejectionKind} of the failed check for
 *       anything the donor got wrong. Throw a {@link RuntimeException} only for failures that are
 *       not the donor's (out of memory, a bug); the validator then leaves the upload pending.
 *   <li>Give it a public no-argument constructor and list it in {@code
 *       META-INF/services/io.cairn.daemon.validator.ProofVerifier}; the validator refuses to start
 *       without exactly one.
 * </ol>
 *
 * <p>Implementations must be thread-safe and must not depend on the prover or the VM.
 */
public interface ProofVerifier {

  /**
   * Verifies {@code proof} for {@code statement}.
   *
   * @return what the proof proved
   * @throws ProofRejectedException if the proof does not prove the statement
   */
  VerifiedProof verify(ProofStatement statement, byte[] proof) throws ProofRejectedException;

  /**
   * The output {@code proof} claims, read without verifying it; used when the upload did not state
   * the output separately. {@link #verify} must then bind the proof to exactly this output.
   *
   * @throws ProofRejectedException if the proof cannot be decoded
   */
  List<BigInteger> claimedOutput(byte[] proof) throws ProofRejectedException;
}
