package io.cairn.daemon.validator;

import static io.cairn.schema.jooq.Tables.UPLOAD;

import io.cairn.blob.BlobKey;
import io.cairn.blob.BlobNotFoundException;
import io.cairn.blob.BlobStore;
import io.cairn.daemon.Daemon;
import io.cairn.daemon.DaemonContext;
import io.cairn.daemon.PassResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies uploaded proofs. For each PENDING proof upload (locked with {@code SKIP LOCKED}, one
 * transaction each): rebuild the statement from the server's own rows (program bytes from the blob
 * store, the input group's felts, the lease token, the claimed output), load the proof blob, ask
 * the {@link ProofVerifier}, and write the verdict ({@link Verdicts}): VALID with a result row and
 * credit, or INVALID with the attempt counted and the host penalised.
 *
 * <p>Failures that are not the donor's (the program blob is missing, the blob store or the database
 * is down) leave the upload PENDING: the item is logged and retried next pass.
 */
public final class Validator implements Daemon {
  private static final Logger log = LoggerFactory.getLogger(Validator.class);

  private final DSLContext dsl;
  private final DaemonContext context;
  private final BlobStore blobs;
  private final ProofVerifier verifier;
  private final ValidatorSettings settings;

  public Validator(
      DSLContext dsl,
      DaemonContext context,
      BlobStore blobs,
      ProofVerifier verifier,
      ValidatorSettings settings) {
    this.dsl = dsl;
    this.context = context;
    this.blobs = blobs;
    this.verifier = verifier;
    this.settings = settings;
  }

  @Override
  public PassResult runOnePass() {
    List<Long> pending =
        dsl.select(UPLOAD.ID)
            .from(UPLOAD)
            .where(UPLOAD.STATE.eq("PENDING"))
            .and(UPLOAD.KIND.eq("PROOF"))
            .orderBy(UPLOAD.ID)
            .limit(settings.batchSize())
            .fetch(UPLOAD.ID);
    int handled = context.items().forEach(pending, id -> "upload " + id, this::validate).handled();
    long backlog =
        pending.size() < settings.batchSize()
            ? 0
            : dsl.fetchCount(UPLOAD, UPLOAD.STATE.eq("PENDING").and(UPLOAD.KIND.eq("PROOF")));
    return new PassResult(handled, backlog);
  }

  private void validate(long uploadId) {
    dsl.transaction(
        c -> {
          DSLContext tx = c.dsl();
          PendingUpload u = PendingUpload.lock(tx, uploadId);
          if (u == null) {
            return; // validated meanwhile, or another instance holds it
          }
          OffsetDateTime now = OffsetDateTime.ofInstant(context.clock().instant(), ZoneOffset.UTC);
          if (!u.isLive()) {
            log.info("{}: {} is stale: lease {}", context.actor(), u, u.leaseState());
            Verdicts.stale(tx, u, now);
            return;
          }
          try {
            Checked checked = check(u);
            Verdicts.accept(
                tx, u, checked.proof(), checked.output(), settings, context.actor(), now);
            log.debug("{}: {} VALID, {} steps", context.actor(), u, checked.proof().steps());
          } catch (ProofRejectedException e) {
            log.info("{}: {} INVALID: {}", context.actor(), u, e.getMessage());
            Verdicts.reject(tx, u, e, context.actor(), now);
          }
        });
  }

  /** A verified proof and the output it proves (32-byte felts, as the result row stores it). */
  private record Checked(VerifiedProof proof, byte[] output) {}

  /**
   * Rebuilds the statement, loads the proof and verifies it, with the validator's own limits. The
   * output is the one the upload states, or else the one the proof claims; either way the proof
   * must prove exactly it.
   */
  private Checked check(PendingUpload u) throws ProofRejectedException {
    byte[] program = readProgram(u);
    byte[] proof = readProof(u);
    List<BigInteger> output =
        u.claimedOutput() == null ? verifier.claimedOutput(proof) : felts(u.claimedOutput());
    ProofStatement statement =
        new ProofStatement(
            program,
            u.programHash(),
            felts(u.input()),
            output,
            u.leaseToken(),
            u.maxSteps(),
            settings.minSecurityBits());
    VerifiedProof verified = verifier.verify(statement, proof);
    if (verified.securityBits() < settings.minSecurityBits()) {
      throw new ProofRejectedException(
          RejectionKind.INSUFFICIENT_SECURITY,
          verified.securityBits() + " bits < " + settings.minSecurityBits());
    }
    if (verified.steps() <= 0 || verified.steps() > u.maxSteps()) {
      throw new ProofRejectedException(
          RejectionKind.TOO_MANY_STEPS, verified.steps() + " steps, limit " + u.maxSteps());
    }
    return new Checked(verified, pack(output));
  }

  static byte[] pack(List<BigInteger> felts) {
    byte[] out = new byte[32 * felts.size()];
    for (int i = 0; i < felts.size(); i++) {
      byte[] be = felts.get(i).toByteArray();
      int len = Math.min(be.length, 32);
      System.arraycopy(be, be.length - len, out, 32 * i + 32 - len, len);
    }
    return out;
  }

  private byte[] readProgram(PendingUpload u) {
    try (InputStream in = blobs.open(BlobKey.parse(u.programBlobKey()))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("program " + u.programId() + " unreadable", e);
    }
  }

  private byte[] readProof(PendingUpload u) throws ProofRejectedException {
    if (u.proofSize() > settings.maxProofBytes()) {
      throw new ProofRejectedException(
          RejectionKind.PROOF_TOO_LARGE, u.proofSize() + " bytes > " + settings.maxProofBytes());
    }
    try (InputStream in = blobs.open(BlobKey.parse(u.proofBlobKey()))) {
      byte[] proof = in.readNBytes((int) settings.maxProofBytes() + 1);
      if (proof.length > settings.maxProofBytes()) {
        throw new ProofRejectedException(
            RejectionKind.PROOF_TOO_LARGE, "more than " + settings.maxProofBytes() + " bytes");
      }
      return proof;
    } catch (BlobNotFoundException e) {
      throw new ProofRejectedException(RejectionKind.PROOF_MISSING, u.proofBlobKey(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("proof of " + u + " unreadable", e);
    }
  }

  static List<BigInteger> felts(byte[] packed) {
    if (packed.length % 32 != 0) {
      throw new IllegalStateException("stored felts are not 32-byte values: " + packed.length);
    }
    BigInteger[] out = new BigInteger[packed.length / 32];
    for (int i = 0; i < out.length; i++) {
      byte[] one = java.util.Arrays.copyOfRange(packed, 32 * i, 32 * i + 32);
      out[i] = new BigInteger(1, one);
    }
    return List.of(out);
  }
}
