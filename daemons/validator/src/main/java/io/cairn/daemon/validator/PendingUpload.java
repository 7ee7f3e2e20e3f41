package io.cairn.daemon.validator;

import static io.cairn.schema.jooq.Tables.HOST;
import static io.cairn.schema.jooq.Tables.INPUT_GROUP;
import static io.cairn.schema.jooq.Tables.LEASE;
import static io.cairn.schema.jooq.Tables.PROGRAM;
import static io.cairn.schema.jooq.Tables.UPLOAD;

import io.cairn.schema.state.InputGroupState;
import io.cairn.schema.state.LeaseState;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * A PENDING proof upload ({@code claimedOutput} is null when the upload did not state an output:
 * the proof then carries it) with every row the validator needs: its lease, the host, the input
 * group and the program. {@link #lock} takes the upload row with {@code SKIP LOCKED}, so each
 * upload is validated by one instance at a time.
 */
record PendingUpload(
    long uploadId,
    String proofBlobKey,
    long proofSize,
    byte[] claimedOutput,
    long leaseId,
    LeaseState leaseState,
    String leaseToken,
    long hostId,
    long donorAccountId,
    long groupId,
    InputGroupState groupState,
    byte[] input,
    int attempts,
    int maxAttempts,
    long maxSteps,
    long programId,
    long organizationId,
    String programBlobKey,
    String programHash) {

  /** Locks the upload if it is still PENDING and no one else holds it; null otherwise. */
  static PendingUpload lock(DSLContext tx, long uploadId) {
    Long locked =
        tx.select(UPLOAD.ID)
            .from(UPLOAD)
            .where(UPLOAD.ID.eq(uploadId))
            .and(UPLOAD.STATE.eq("PENDING"))
            .forUpdate()
            .skipLocked()
            .fetchOne(UPLOAD.ID);
    if (locked == null) {
      return null;
    }
    Record r =
        tx.select(
                UPLOAD.ID,
                UPLOAD.BLOB_KEY,
                UPLOAD.SIZE_BYTES,
                UPLOAD.CLAIMED_OUTPUT,
                LEASE.ID,
                LEASE.STATE,
                LEASE.TOKEN,
                HOST.ID,
                HOST.DONOR_ACCOUNT_ID,
                INPUT_GROUP.ID,
                INPUT_GROUP.STATE,
                INPUT_GROUP.INPUT,
                INPUT_GROUP.ATTEMPTS,
                INPUT_GROUP.MAX_ATTEMPTS,
                INPUT_GROUP.MAX_STEPS,
                PROGRAM.ID,
                PROGRAM.ORGANIZATION_ID,
                PROGRAM.BLOB_KEY,
                PROGRAM.BYTECODE_HASH)
            .from(UPLOAD)
            .join(LEASE)
            .on(LEASE.ID.eq(UPLOAD.LEASE_ID))
            .join(HOST)
            .on(HOST.ID.eq(LEASE.HOST_ID))
            .join(INPUT_GROUP)
            .on(INPUT_GROUP.ID.eq(LEASE.INPUT_GROUP_ID))
            .join(PROGRAM)
            .on(PROGRAM.ID.eq(INPUT_GROUP.PROGRAM_ID))
            .where(UPLOAD.ID.eq(uploadId))
            .fetchOne();
    return new PendingUpload(
        r.get(UPLOAD.ID),
        r.get(UPLOAD.BLOB_KEY),
        r.get(UPLOAD.SIZE_BYTES),
        r.get(UPLOAD.CLAIMED_OUTPUT),
        r.get(LEASE.ID),
        LeaseState.valueOf(r.get(LEASE.STATE)),
        r.get(LEASE.TOKEN),
        r.get(HOST.ID),
        r.get(HOST.DONOR_ACCOUNT_ID),
        r.get(INPUT_GROUP.ID),
        InputGroupState.valueOf(r.get(INPUT_GROUP.STATE)),
        r.get(INPUT_GROUP.INPUT),
        r.get(INPUT_GROUP.ATTEMPTS),
        r.get(INPUT_GROUP.MAX_ATTEMPTS),
        r.get(INPUT_GROUP.MAX_STEPS),
        r.get(PROGRAM.ID),
        r.get(PROGRAM.ORGANIZATION_ID),
        r.get(PROGRAM.BLOB_KEY),
        r.get(PROGRAM.BYTECODE_HASH));
  }

  /** True if the lease and the group are still waiting for this proof. */
  boolean isLive() {
    return leaseState == LeaseState.UPLOADED && groupState == InputGroupState.PROVEN;
  }

  @Override
  public String toString() {
    return "upload " + uploadId + " (lease " + leaseId + ", input group " + groupId + ")";
  }
}
