package io.cairn.daemon.validator;

import static io.cairn.schema.jooq.Tables.CREDIT;
import static io.cairn.schema.jooq.Tables.DONOR_ACCOUNT;
import static io.cairn.schema.jooq.Tables.HOST;
import static io.cairn.schema.jooq.Tables.INPUT_GROUP;
import static io.cairn.schema.jooq.Tables.LEASE;
import static io.cairn.schema.jooq.Tables.RESULT;
import static io.cairn.schema.jooq.Tables.UPLOAD;

import io.cairn.schema.state.InputGroupEvent;
import io.cairn.schema.state.InputGroupLifecycle;
import io.cairn.schema.state.InputGroupState;
import io.cairn.schema.state.LeaseEvent;
import io.cairn.schema.state.LeaseState;
import io.cairn.schema.state.Transitions;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Writes what the validator decided about one upload, inside the transaction that locked it:
 * accepted (result, credit, host reliability, lease and group VALID), rejected (the failed attempt,
 * counted when the lease was issued, decides RETRY or GIVE_UP; the host is penalised) or stale (the
 * lease is no longer live; no one is penalised).
 */
final class Verdicts {
  private Verdicts() {}

  static void accept(
      DSLContext tx,
      PendingUpload u,
      VerifiedProof proof,
      byte[] output,
      ValidatorSettings settings,
      String actor,
      OffsetDateTime now) {
    tx.update(UPLOAD)
        .set(UPLOAD.STATE, "VALID")
        .set(UPLOAD.CHECKED_AT, now)
        .set(UPLOAD.STEPS, proof.steps())
        .set(UPLOAD.CLAIMED_OUTPUT, output)
        .where(UPLOAD.ID.eq(u.uploadId()))
        .execute();
    long resultId =
        tx.insertInto(RESULT)
            .set(RESULT.INPUT_GROUP_ID, u.groupId())
            .set(RESULT.PROGRAM_ID, u.programId())
            .set(RESULT.ORGANIZATION_ID, u.organizationId())
            .set(RESULT.LEASE_ID, u.leaseId())
            .set(RESULT.UPLOAD_ID, u.uploadId())
            .set(RESULT.OUTPUT, output)
            .set(RESULT.STEPS, proof.steps())
            .set(RESULT.SECURITY_BITS, proof.securityBits())
            .set(RESULT.VALIDATED_AT, now)
            .returning(RESULT.ID)
            .fetchOne(RESULT.ID);
    double credit = settings.creditFor(proof.steps());
    tx.insertInto(CREDIT)
        .set(CREDIT.DONOR_ACCOUNT_ID, u.donorAccountId())
        .set(CREDIT.HOST_ID, u.hostId())
        .set(CREDIT.RESULT_ID, resultId)
        .set(CREDIT.AMOUNT, credit)
        .set(CREDIT.GRANTED_AT, now)
        .execute();
    tx.update(HOST)
        .set(HOST.TOTAL_CREDIT, HOST.TOTAL_CREDIT.plus(credit))
        .set(HOST.CONSECUTIVE_VALID, HOST.CONSECUTIVE_VALID.plus(1))
        .set(
            HOST.MAX_JOBS_PER_DAY,
            DSL.least(DSL.val(settings.maxJobsPerDayCeiling()), HOST.MAX_JOBS_PER_DAY.times(2)))
        .where(HOST.ID.eq(u.hostId()))
        .execute();
    tx.update(DONOR_ACCOUNT)
        .set(DONOR_ACCOUNT.TOTAL_CREDIT, DONOR_ACCOUNT.TOTAL_CREDIT.plus(credit))
        .where(DONOR_ACCOUNT.ID.eq(u.donorAccountId()))
        .execute();
    move(tx, u, LeaseEvent.VALIDATE, InputGroupEvent.VALIDATE, Map.of(), actor, null, now);
  }

  static void reject(
      DSLContext tx,
      PendingUpload u,
      ProofRejectedException why,
      String actor,
      OffsetDateTime now) {
    String reason = why.getMessage();
    tx.update(UPLOAD)
        .set(UPLOAD.STATE, "INVALID")
        .set(UPLOAD.CHECKED_AT, now)
        .set(UPLOAD.FAILURE_KIND, why.kind().name())
        .set(UPLOAD.FAILURE_REASON, reason)
        .where(UPLOAD.ID.eq(u.uploadId()))
        .execute();
    tx.update(HOST)
        .set(HOST.INVALID_COUNT, HOST.INVALID_COUNT.plus(1))
        .set(HOST.CONSECUTIVE_VALID, 0)
        .set(HOST.MAX_JOBS_PER_DAY, DSL.greatest(DSL.val(1), HOST.MAX_JOBS_PER_DAY.div(2)))
        .where(HOST.ID.eq(u.hostId()))
        .execute();
    // the scheduler counted the attempt when it issued the lease
    int attempts = u.attempts();
    InputGroupEvent event = InputGroupLifecycle.failedAttempt(attempts, u.maxAttempts());
    Map<Field<?>, Object> group = new HashMap<>();
    group.put(INPUT_GROUP.CACHED_BY, null);
    group.put(INPUT_GROUP.CACHED_AT, null);
    if (event == InputGroupEvent.GIVE_UP) {
      group.put(
          INPUT_GROUP.ERROR_REASON,
          "gave up after " + attempts + " attempts; last: invalid proof: " + reason);
    }
    move(tx, u, LeaseEvent.INVALIDATE, event, group, actor, reason, now);
  }

  static void stale(DSLContext tx, PendingUpload u, OffsetDateTime now) {
    tx.update(UPLOAD)
        .set(UPLOAD.STATE, "INVALID")
        .set(UPLOAD.CHECKED_AT, now)
        .set(UPLOAD.FAILURE_KIND, "STALE_LEASE")
        .set(
            UPLOAD.FAILURE_REASON,
            "lease is " + u.leaseState() + " and input group is " + u.groupState())
        .where(UPLOAD.ID.eq(u.uploadId()))
        .execute();
  }

  private static void move(
      DSLContext tx,
      PendingUpload u,
      LeaseEvent leaseEvent,
      InputGroupEvent groupEvent,
      Map<Field<?>, Object> groupExtra,
      String actor,
      String reason,
      OffsetDateTime now) {
    Map<Field<?>, Object> lease = new HashMap<>();
    lease.put(LEASE.FINISHED_AT, now);
    if (reason != null) {
      lease.put(LEASE.OUTCOME_REASON, reason);
    }
    if (!Transitions.LEASES.applyIfIn(
        tx, u.leaseId(), LeaseState.UPLOADED, leaseEvent, actor, reason, lease)) {
      throw new IllegalStateException(u + ": lease left UPLOADED while locked");
    }
    Map<Field<?>, Object> group = new HashMap<>(groupExtra);
    group.put(INPUT_GROUP.NEXT_TRANSITION_AT, null);
    if (!Transitions.INPUT_GROUPS.applyIfIn(
        tx, u.groupId(), InputGroupState.PROVEN, groupEvent, actor, reason, group)) {
      throw new IllegalStateException(u + ": input group left PROVEN while locked");
    }
  }
}
