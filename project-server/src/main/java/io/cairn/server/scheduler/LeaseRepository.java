package io.cairn.server.scheduler;

import static io.cairn.schema.jooq.Tables.HOST;
import static io.cairn.schema.jooq.Tables.INPUT_GROUP;
import static io.cairn.schema.jooq.Tables.LEASE;
import static io.cairn.schema.jooq.Tables.UPLOAD;

import io.cairn.schema.state.InputGroupEvent;
import io.cairn.schema.state.InputGroupLifecycle;
import io.cairn.schema.state.InputGroupState;
import io.cairn.schema.state.LeaseEvent;
import io.cairn.schema.state.LeaseState;
import io.cairn.schema.state.Transitions;
import io.cairn.segment.WorkKind;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** All SQL of the scheduler and the upload handler: hosts' check-ins, leases, uploads. */
public final class LeaseRepository {
  /** What the scheduler needs to know about the calling host. */
  public record HostState(int cores, int maxJobsPerDay, int jobsToday, int activeLeases) {}

  /** A lease as reports and uploads see it. */
  public record LeaseRow(
      long id,
      long hostId,
      LeaseState state,
      OffsetDateTime deadline,
      long inputGroupId,
      WorkKind kind) {}

  /**
   * Authenticates the host by id and key hash, records the RPC and its self-description, and rolls
   * its daily counter over at midnight (UTC), in one statement.
   */
  public Optional<HostState> checkIn(
      DSLContext tx,
      long hostId,
      String keyHash,
      SchedulerRequest.HostInfo info,
      OffsetDateTime now,
      LocalDate today) {
    Map<Field<?>, Object> set = new HashMap<>();
    set.put(HOST.LAST_RPC_AT, now);
    set.put(
        HOST.JOBS_TODAY,
        DSL.when(HOST.QUOTA_DAY.eq(today), HOST.JOBS_TODAY).otherwise(DSL.inline(0)));
    set.put(HOST.QUOTA_DAY, today);
    if (info != null) {
      putIf(set, HOST.NAME, info.name());
      putIf(set, HOST.PLATFORM, info.platform());
      putIf(set, HOST.CORES, info.cores());
      putIf(set, HOST.MEMORY_BYTES, info.memoryBytes());
      putIf(set, HOST.CLIENT_VERSION, info.clientVersion());
      putIf(set, HOST.STEPS_PER_SECOND, info.stepsPerSecond());
    }
    return tx.update(HOST)
        .set(set)
        .where(HOST.ID.eq(hostId))
        .and(HOST.HOST_KEY_HASH.eq(keyHash))
        .returningResult(HOST.CORES, HOST.MAX_JOBS_PER_DAY, HOST.JOBS_TODAY, ACTIVE_LEASES)
        .fetchOptional()
        .map(r -> new HostState(r.value1(), r.value2(), r.value3(), r.value4()));
  }

  private static void putIf(Map<Field<?>, Object> set, Field<?> field, Object value) {
    if (value != null) {
      set.put(field, value);
    }
  }

  /** The host's ACTIVE leases, as a scalar subquery on the row being updated. */
  private static final Field<Integer> ACTIVE_LEASES =
      DSL.field(
          DSL.selectCount()
              .from(LEASE)
              .where(LEASE.HOST_ID.eq(HOST.ID))
              .and(LEASE.STATE.eq("ACTIVE")));

  /** A lease to insert once its group was moved. */
  public record NewLease(long inputGroupId, WorkKind kind, String token, OffsetDateTime deadline) {}

  /** A group this request moved to LEASED (PROVING): its input and the lease's deadline. */
  public record ClaimedGroup(long inputGroupId, byte[] input, OffsetDateTime deadline) {}

  private static final List<Field<?>> CLAIM_RETURNING =
      List.of(INPUT_GROUP.INPUT, INPUT_GROUP.NEXT_TRANSITION_AT);

  /**
   * Confirms the claimed slots of one kind with one statement: moves every group still READY (or
   * EXECUTED, for PROVE leases) to LEASED (PROVING), counts the attempt and sets its deadline,
   * {@code now} plus the group's lease timeout, with an audit row for each group moved.
   *
   * @return the groups moved, by id; a group missing was no longer waiting (cancelled, deleted,
   *     leased elsewhere)
   */
  public Map<Long, ClaimedGroup> claimAll(
      DSLContext tx,
      Collection<Long> inputGroupIds,
      WorkKind kind,
      long hostId,
      OffsetDateTime now) {
    boolean prove = kind == WorkKind.PROVE;
    Map<Field<?>, Object> extra = new HashMap<>();
    extra.put(INPUT_GROUP.ATTEMPTS, INPUT_GROUP.ATTEMPTS.plus(1));
    extra.put(INPUT_GROUP.CACHED_BY, DSL.inline((String) null));
    extra.put(
        INPUT_GROUP.NEXT_TRANSITION_AT,
        DSL.field(
            "{0} + {1} * interval '1 second'",
            OffsetDateTime.class, DSL.val(now), INPUT_GROUP.LEASE_TIMEOUT_SECONDS));
    Map<Long, ClaimedGroup> claimed = new HashMap<>();
    Transitions.INPUT_GROUPS
        .applyAllIfIn(
            tx,
            inputGroupIds,
            Set.of(prove ? InputGroupState.EXECUTED : InputGroupState.READY),
            prove ? InputGroupEvent.LEASE_PROVE : InputGroupEvent.LEASE,
            "scheduler",
            "host " + hostId,
            extra,
            CLAIM_RETURNING)
        .forEach(
            (id, r) ->
                claimed.put(
                    id,
                    new ClaimedGroup(
                        id,
                        r.get(INPUT_GROUP.INPUT),
                        r.get(INPUT_GROUP.NEXT_TRANSITION_AT)
                            .withOffsetSameInstant(ZoneOffset.UTC))));
    return claimed;
  }

  /**
   * Inserts the leases of one request and counts them in the host's daily jobs, in one statement.
   */
  public void insertLeases(DSLContext tx, long hostId, OffsetDateTime now, List<NewLease> leases) {
    var insert =
        tx.insertInto(
            LEASE,
            LEASE.TOKEN,
            LEASE.INPUT_GROUP_ID,
            LEASE.HOST_ID,
            LEASE.KIND,
            LEASE.ISSUED_AT,
            LEASE.DEADLINE);
    for (NewLease l : leases) {
      insert =
          insert.values(l.token(), l.inputGroupId(), hostId, l.kind().name(), now, l.deadline());
    }
    tx.execute(
        "WITH cairn_leases AS ({0}) UPDATE host SET jobs_today = jobs_today"
            + " + (SELECT count(*) FROM cairn_leases) WHERE id = {1}",
        insert.returning(LEASE.ID), DSL.val(hostId));
  }

  /**
   * The lease with this token, optionally locked. The lock is {@code FOR NO KEY UPDATE}: the
   * scheduler never changes a lease's key, and this lock does not conflict with the key-share lock
   * the validator takes when it inserts a result referencing the lease (a plain {@code FOR UPDATE}
   * here deadlocked against the validator, which updates the host after inserting the result).
   */
  public Optional<LeaseRow> findByToken(DSLContext tx, String token, boolean lock) {
    var q =
        tx.select(
                LEASE.ID,
                LEASE.HOST_ID,
                LEASE.STATE,
                LEASE.DEADLINE,
                LEASE.INPUT_GROUP_ID,
                LEASE.KIND)
            .from(LEASE)
            .where(LEASE.TOKEN.eq(token));
    return (lock ? q.forNoKeyUpdate() : q)
        .fetchOptional(
            r ->
                new LeaseRow(
                    r.value1(),
                    r.value2(),
                    LeaseState.valueOf(r.value3()),
                    r.value4(),
                    r.value5(),
                    WorkKind.valueOf(r.value6())));
  }

  /**
   * Ends an ACTIVE lease the host gave up on (ABANDONED or FAILED) and counts the failed attempt:
   * the group goes back to READY (or EXECUTED for a PROVE lease), or to ERROR after its last
   * attempt.
   */
  public void abandon(DSLContext tx, LeaseRow lease, String reason, OffsetDateTime now) {
    Map<Field<?>, Object> leaseExtra = new HashMap<>();
    leaseExtra.put(LEASE.FINISHED_AT, now);
    leaseExtra.put(LEASE.OUTCOME_REASON, reason == null ? DSL.inline((String) null) : reason);
    String actor = "host:" + lease.hostId();
    if (!Transitions.LEASES.applyIfIn(
        tx, lease.id(), LeaseState.ACTIVE, LeaseEvent.ABANDON, actor, reason, leaseExtra)) {
      return;
    }
    var g =
        tx.select(INPUT_GROUP.STATE, INPUT_GROUP.ATTEMPTS, INPUT_GROUP.MAX_ATTEMPTS)
            .from(INPUT_GROUP)
            .where(INPUT_GROUP.ID.eq(lease.inputGroupId()))
            .forUpdate()
            .fetchOne();
    if (g == null) {
      return;
    }
    InputGroupState from = InputGroupState.valueOf(g.value1());
    InputGroupEvent event = InputGroupLifecycle.failedAttempt(g.value2(), g.value3());
    if (Transitions.INPUT_GROUPS.machine().next(from, event).isEmpty()) {
      return;
    }
    Map<Field<?>, Object> extra = new HashMap<>();
    extra.put(INPUT_GROUP.NEXT_TRANSITION_AT, DSL.inline((OffsetDateTime) null));
    if (event == InputGroupEvent.GIVE_UP) {
      extra.put(
          INPUT_GROUP.ERROR_REASON,
          "last attempt failed: " + (reason == null ? "abandoned" : reason));
    }
    Transitions.INPUT_GROUPS.applyIfIn(tx, lease.inputGroupId(), from, event, actor, reason, extra);
  }

  /** The blob key of the lease's upload of {@code kind}, if any. */
  public Optional<String> uploadBlob(DSLContext tx, long leaseId, String kind) {
    return tx.select(UPLOAD.BLOB_KEY)
        .from(UPLOAD)
        .where(UPLOAD.LEASE_ID.eq(leaseId))
        .and(UPLOAD.KIND.eq(kind))
        .fetchOptional(UPLOAD.BLOB_KEY);
  }

  /** The newest trace uploaded for the group (what a PROVE lease proves). */
  public Optional<String> traceOfGroup(DSLContext tx, long inputGroupId) {
    return tx.select(UPLOAD.BLOB_KEY)
        .from(UPLOAD)
        .join(LEASE)
        .on(LEASE.ID.eq(UPLOAD.LEASE_ID))
        .where(LEASE.INPUT_GROUP_ID.eq(inputGroupId))
        .and(UPLOAD.KIND.eq("TRACE"))
        .orderBy(UPLOAD.ID.desc())
        .limit(1)
        .fetchOptional(UPLOAD.BLOB_KEY);
  }

  /**
   * Records a complete upload: the lease ACTIVE → UPLOADED, the upload row, and the group LEASED →
   * PROVEN / EXECUTED (or PROVING → PROVEN).
   *
   * @return false if the lease was no longer ACTIVE
   */
  public boolean recordUpload(
      DSLContext tx, LeaseRow lease, String kind, String blobKey, long size, OffsetDateTime now) {
    String actor = "host:" + lease.hostId();
    Map<Field<?>, Object> leaseExtra = new HashMap<>();
    leaseExtra.put(LEASE.UPLOADED_AT, now);
    if (!Transitions.LEASES.applyIfIn(
        tx,
        lease.id(),
        LeaseState.ACTIVE,
        LeaseEvent.UPLOAD,
        actor,
        kind.toLowerCase() + " uploaded",
        leaseExtra)) {
      return false;
    }
    tx.insertInto(UPLOAD)
        .set(UPLOAD.LEASE_ID, lease.id())
        .set(UPLOAD.KIND, kind)
        .set(UPLOAD.BLOB_KEY, blobKey)
        .set(UPLOAD.SIZE_BYTES, size)
        .set(UPLOAD.UPLOADED_AT, now)
        .execute();
    Map<Field<?>, Object> extra = new HashMap<>();
    extra.put(INPUT_GROUP.NEXT_TRANSITION_AT, DSL.inline((OffsetDateTime) null));
    InputGroupEvent event =
        kind.equals("TRACE") ? InputGroupEvent.UPLOAD_TRACE : InputGroupEvent.UPLOAD_PROOF;
    InputGroupState from =
        lease.kind() == WorkKind.PROVE ? InputGroupState.PROVING : InputGroupState.LEASED;
    if (!Transitions.INPUT_GROUPS.applyIfIn(
        tx, lease.inputGroupId(), from, event, actor, null, extra)) {
      throw new IllegalStateException(
          "input group "
              + lease.inputGroupId()
              + " of live lease "
              + lease.id()
              + " is not "
              + from);
    }
    return true;
  }
}
