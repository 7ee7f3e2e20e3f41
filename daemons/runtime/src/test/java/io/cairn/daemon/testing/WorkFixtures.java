package io.cairn.daemon.testing;

import static io.cairn.schema.jooq.Tables.DONOR_ACCOUNT;
import static io.cairn.schema.jooq.Tables.HOST;
import static io.cairn.schema.jooq.Tables.INPUT_GROUP;
import static io.cairn.schema.jooq.Tables.LEASE;
import static io.cairn.schema.jooq.Tables.ORGANIZATION;
import static io.cairn.schema.jooq.Tables.PROGRAM;
import static io.cairn.schema.jooq.Tables.RESULT;
import static io.cairn.schema.jooq.Tables.STATE_CHANGE;
import static io.cairn.schema.jooq.Tables.UPLOAD;

import io.cairn.schema.state.InputGroupEvent;
import io.cairn.schema.state.InputGroupState;
import io.cairn.schema.state.LeaseEvent;
import io.cairn.schema.state.LeaseState;
import io.cairn.schema.state.Transitions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Rows the daemons' tests need (organizations, programs, input groups, hosts, leases, uploads),
 * made the way the server makes them: state changes through {@link Transitions}. Shared with the
 * other daemon modules as this module's test jar.
 */
public final class WorkFixtures {
  private static final AtomicInteger counter = new AtomicInteger();
  private final DSLContext dsl;

  public WorkFixtures(DSLContext dsl) {
    this.dsl = dsl;
  }

  public static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  public long organization(String name) {
    return dsl.insertInto(ORGANIZATION)
        .set(ORGANIZATION.NAME, name)
        .set(ORGANIZATION.PUBLIC_NAME, name)
        .set(ORGANIZATION.WEBHOOK_SECRET, "secret-of-" + name)
        .returning(ORGANIZATION.ID)
        .fetchOne(ORGANIZATION.ID);
  }

  public long program(long organizationId, String name, String blobKey, int maxAttempts) {
    return dsl.insertInto(PROGRAM)
        .set(PROGRAM.ORGANIZATION_ID, organizationId)
        .set(PROGRAM.NAME, name)
        .set(PROGRAM.BYTECODE_HASH, "ab".repeat(32))
        .set(PROGRAM.BLOB_KEY, blobKey)
        .set(PROGRAM.SIZE_BYTES, 100L)
        .set(PROGRAM.SIGNATURE, new byte[64])
        .set(PROGRAM.MAX_STEPS, 1_000_000L)
        .set(PROGRAM.LEASE_TIMEOUT_SECONDS, 600)
        .set(PROGRAM.MAX_ATTEMPTS, maxAttempts)
        .returning(PROGRAM.ID)
        .fetchOne(PROGRAM.ID);
  }

  /** A READY input group of {@code programId} holding {@code felts} small values. */
  public long inputGroup(long programId, int priority, long... felts) {
    var program = dsl.selectFrom(PROGRAM).where(PROGRAM.ID.eq(programId)).fetchOne();
    return dsl.insertInto(INPUT_GROUP)
        .set(INPUT_GROUP.PROGRAM_ID, programId)
        .set(INPUT_GROUP.ORGANIZATION_ID, program.getOrganizationId())
        .set(INPUT_GROUP.NAME, "g" + counter.incrementAndGet())
        .set(INPUT_GROUP.INPUT, felts(felts))
        .set(INPUT_GROUP.INPUT_LEN, felts.length)
        .set(INPUT_GROUP.PRIORITY, priority)
        .set(INPUT_GROUP.MAX_ATTEMPTS, program.getMaxAttempts())
        .set(INPUT_GROUP.MAX_STEPS, program.getMaxSteps())
        .set(INPUT_GROUP.LEASE_TIMEOUT_SECONDS, program.getLeaseTimeoutSeconds())
        .returning(INPUT_GROUP.ID)
        .fetchOne(INPUT_GROUP.ID);
  }

  /** Felts as the schema stores them: 32 bytes big-endian each. */
  public static byte[] felts(long... values) {
    byte[] out = new byte[32 * values.length];
    for (int i = 0; i < values.length; i++) {
      for (int b = 0; b < 8; b++) {
        out[32 * i + 31 - b] = (byte) (values[i] >>> (8 * b));
      }
    }
    return out;
  }

  public long host() {
    int n = counter.incrementAndGet();
    long donor =
        dsl.insertInto(DONOR_ACCOUNT)
            .set(DONOR_ACCOUNT.EMAIL, "donor" + n + "@example.org")
            .set(DONOR_ACCOUNT.DISPLAY_NAME, "donor " + n)
            .set(DONOR_ACCOUNT.PASSWORD_HASH, "x")
            .set(DONOR_ACCOUNT.ACCOUNT_KEY_HASH, "k" + n + UUID.randomUUID())
            .returning(DONOR_ACCOUNT.ID)
            .fetchOne(DONOR_ACCOUNT.ID);
    return dsl.insertInto(HOST)
        .set(HOST.DONOR_ACCOUNT_ID, donor)
        .set(HOST.HOST_KEY_HASH, "h" + n + UUID.randomUUID())
        .returning(HOST.ID)
        .fetchOne(HOST.ID);
  }

  /**
   * Leases a READY group to {@code hostId} as the scheduler does (the attempt is counted now);
   * returns the lease id.
   */
  public long lease(long groupId, long hostId, Instant deadline) {
    return dsl.transactionResult(
        c -> {
          DSLContext tx = c.dsl();
          if (!Transitions.INPUT_GROUPS.applyIfIn(
              tx,
              groupId,
              InputGroupState.READY,
              InputGroupEvent.LEASE,
              "scheduler",
              null,
              Map.of(
                  INPUT_GROUP.NEXT_TRANSITION_AT,
                  utc(deadline),
                  INPUT_GROUP.ATTEMPTS,
                  INPUT_GROUP.ATTEMPTS.plus(1)))) {
            throw new IllegalStateException("group " + groupId + " is not READY");
          }
          return tx.insertInto(LEASE)
              .set(LEASE.TOKEN, UUID.randomUUID().toString())
              .set(LEASE.INPUT_GROUP_ID, groupId)
              .set(LEASE.HOST_ID, hostId)
              .set(LEASE.KIND, "EXECUTE_AND_PROVE")
              .set(LEASE.DEADLINE, utc(deadline))
              .returning(LEASE.ID)
              .fetchOne(LEASE.ID);
        });
  }

  /** The host uploads a proof for its lease, as the upload handler records it; returns its id. */
  public long uploadProof(long leaseId, String blobKey, byte[] claimedOutput, long steps) {
    return dsl.transactionResult(
        c -> {
          DSLContext tx = c.dsl();
          long groupId =
              tx.select(LEASE.INPUT_GROUP_ID)
                  .from(LEASE)
                  .where(LEASE.ID.eq(leaseId))
                  .fetchOne(LEASE.INPUT_GROUP_ID);
          Transitions.LEASES.apply(tx, leaseId, LeaseEvent.UPLOAD, "upload", null);
          Transitions.INPUT_GROUPS.applyIfIn(
              tx,
              groupId,
              InputGroupState.LEASED,
              InputGroupEvent.UPLOAD_PROOF,
              "upload",
              null,
              Map.of(INPUT_GROUP.NEXT_TRANSITION_AT, DSL.val((OffsetDateTime) null)));
          return tx.insertInto(UPLOAD)
              .set(UPLOAD.LEASE_ID, leaseId)
              .set(UPLOAD.KIND, "PROOF")
              .set(UPLOAD.BLOB_KEY, blobKey)
              .set(UPLOAD.SIZE_BYTES, 10L)
              .set(UPLOAD.CLAIMED_OUTPUT, claimedOutput)
              .set(UPLOAD.STEPS, steps)
              .returning(UPLOAD.ID)
              .fetchOne(UPLOAD.ID);
        });
  }

  /**
   * A whole validated job of {@code programId} as the validator leaves it: group VALID, lease
   * VALID, upload VALID and a result row (not yet assimilated) with {@code output}; returns the
   * result id.
   */
  public long validatedResult(long programId, long hostId, Instant now, long... output) {
    long group = inputGroup(programId, 0, 1, 2, 3);
    long lease = lease(group, hostId, now.plusSeconds(600));
    long upload = uploadProof(lease, "proofs/" + "cd".repeat(32), felts(output), 1000);
    return dsl.transactionResult(
        c -> {
          DSLContext tx = c.dsl();
          Transitions.LEASES.apply(tx, lease, LeaseEvent.VALIDATE, "validator", null);
          Transitions.INPUT_GROUPS.apply(tx, group, InputGroupEvent.VALIDATE, "validator", null);
          tx.update(UPLOAD).set(UPLOAD.STATE, "VALID").where(UPLOAD.ID.eq(upload)).execute();
          var program = tx.selectFrom(PROGRAM).where(PROGRAM.ID.eq(programId)).fetchOne();
          return tx.insertInto(RESULT)
              .set(RESULT.INPUT_GROUP_ID, group)
              .set(RESULT.PROGRAM_ID, programId)
              .set(RESULT.ORGANIZATION_ID, program.getOrganizationId())
              .set(RESULT.LEASE_ID, lease)
              .set(RESULT.UPLOAD_ID, upload)
              .set(RESULT.OUTPUT, felts(output))
              .set(RESULT.STEPS, 1000L)
              .set(RESULT.SECURITY_BITS, 100)
              .set(RESULT.VALIDATED_AT, utc(now))
              .returning(RESULT.ID)
              .fetchOne(RESULT.ID);
        });
  }

  /**
   * {@code n} input groups of {@code programId}, each LEASED to {@code hostId} with an ACTIVE lease
   * due at {@code deadline}, made with set-based SQL (for large tests and benchmarks; no audit rows
   * for the setup itself).
   */
  public void bulkLeased(long programId, long hostId, int n, Instant deadline) {
    var program = dsl.selectFrom(PROGRAM).where(PROGRAM.ID.eq(programId)).fetchOne();
    dsl.execute(
        """
        WITH g AS (
          INSERT INTO input_group (program_id, organization_id, name, input, input_len, state,
                                   attempts, max_attempts, max_steps, lease_timeout_seconds,
                                   next_transition_at)
          SELECT ?, ?, 'bulk' || s, '\\x'::bytea, 0, 'LEASED', 1, ?, ?, ?, ?::timestamptz
          FROM generate_series(1, ?) s
          RETURNING id)
        INSERT INTO lease (token, input_group_id, host_id, kind, deadline)
        SELECT 'bulk-' || id || '-' || md5(random()::text), id, ?, 'EXECUTE_AND_PROVE', ?::timestamptz FROM g
        """,
        programId,
        program.getOrganizationId(),
        program.getMaxAttempts(),
        program.getMaxSteps(),
        program.getLeaseTimeoutSeconds(),
        utc(deadline),
        n,
        hostId,
        utc(deadline));
  }

  /** How many audit rows record {@code event} for {@code entity} rows. */
  public int auditCount(String entity, String event) {
    return dsl.fetchCount(
        STATE_CHANGE, STATE_CHANGE.ENTITY.eq(entity).and(STATE_CHANGE.EVENT.eq(event)));
  }

  /** The largest number of audit rows any one {@code entity} row has for {@code event}. */
  public int maxAuditPerRow(String entity, String event) {
    Integer max =
        dsl.select(DSL.max(DSL.field("n", Integer.class)))
            .from(
                dsl.select(DSL.count().as("n"))
                    .from(STATE_CHANGE)
                    .where(STATE_CHANGE.ENTITY.eq(entity))
                    .and(STATE_CHANGE.EVENT.eq(event))
                    .groupBy(STATE_CHANGE.ENTITY_ID))
            .fetchOne(0, Integer.class);
    return max == null ? 0 : max;
  }

  public InputGroupState groupState(long id) {
    return InputGroupState.valueOf(
        dsl.select(INPUT_GROUP.STATE)
            .from(INPUT_GROUP)
            .where(INPUT_GROUP.ID.eq(id))
            .fetchOne(0, String.class));
  }

  public LeaseState leaseState(long id) {
    return LeaseState.valueOf(
        dsl.select(LEASE.STATE).from(LEASE).where(LEASE.ID.eq(id)).fetchOne(0, String.class));
  }
}
