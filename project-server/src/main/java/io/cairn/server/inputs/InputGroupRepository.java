package io.cairn.server.inputs;

import static io.cairn.schema.jooq.Tables.INPUT_GROUP;
import static io.cairn.schema.jooq.Tables.LEASE;
import static io.cairn.schema.jooq.Tables.PROGRAM;

import io.cairn.schema.state.InputGroupEvent;
import io.cairn.schema.state.InputGroupState;
import io.cairn.schema.state.LeaseEvent;
import io.cairn.schema.state.LeaseState;
import io.cairn.schema.state.Transitions;
import io.cairn.server.http.Paging;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep10;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** All SQL about input groups as organizations see them. */
public final class InputGroupRepository {
  private static final int INSERT_CHUNK = 1000;

  /** The defaults an input group takes from its program. */
  public record ProgramDefaults(
      long maxSteps, int leaseTimeoutSeconds, int maxAttempts, boolean executionOnly) {}

  public Optional<ProgramDefaults> programDefaults(DSLContext tx, long programId, long orgId) {
    return tx.select(
            PROGRAM.MAX_STEPS,
            PROGRAM.LEASE_TIMEOUT_SECONDS,
            PROGRAM.MAX_ATTEMPTS,
            PROGRAM.EXECUTION_ONLY)
        .from(PROGRAM)
        .where(PROGRAM.ID.eq(programId))
        .and(PROGRAM.ORGANIZATION_ID.eq(orgId))
        .forShare()
        .fetchOptional(r -> new ProgramDefaults(r.value1(), r.value2(), r.value3(), r.value4()));
  }

  /** Inserts every group as READY, in chunks of one statement each; returns the ids in order. */
  public List<Long> insertAll(
      DSLContext tx,
      long programId,
      long orgId,
      ProgramDefaults d,
      List<InputGroupParser.ParsedGroup> groups) {
    List<Long> ids = new java.util.ArrayList<>(groups.size());
    for (int from = 0; from < groups.size(); from += INSERT_CHUNK) {
      InsertValuesStep10<
              ?, Long, Long, String, byte[], Integer, Integer, Integer, Long, Integer, Boolean>
          insert =
              tx.insertInto(
                  INPUT_GROUP,
                  INPUT_GROUP.PROGRAM_ID,
                  INPUT_GROUP.ORGANIZATION_ID,
                  INPUT_GROUP.NAME,
                  INPUT_GROUP.INPUT,
                  INPUT_GROUP.INPUT_LEN,
                  INPUT_GROUP.PRIORITY,
                  INPUT_GROUP.MAX_ATTEMPTS,
                  INPUT_GROUP.MAX_STEPS,
                  INPUT_GROUP.LEASE_TIMEOUT_SECONDS,
                  INPUT_GROUP.EXECUTION_ONLY);
      for (var g : groups.subList(from, Math.min(groups.size(), from + INSERT_CHUNK))) {
        insert =
            insert.values(
                programId,
                orgId,
                g.name(),
                Felts.encode(g.input()),
                g.input().length,
                g.priority(),
                g.maxAttempts() == null ? d.maxAttempts() : g.maxAttempts(),
                g.maxSteps() == null ? d.maxSteps() : g.maxSteps(),
                g.leaseTimeoutSeconds() == null ? d.leaseTimeoutSeconds() : g.leaseTimeoutSeconds(),
                d.executionOnly());
      }
      ids.addAll(insert.returning(INPUT_GROUP.ID).fetch(INPUT_GROUP.ID));
    }
    return ids;
  }

  /** A page of a program's groups, optionally in one state. */
  public JsonObject list(DSLContext tx, long programId, long orgId, String state, Paging paging) {
    Condition where =
        INPUT_GROUP.PROGRAM_ID.eq(programId).and(INPUT_GROUP.ORGANIZATION_ID.eq(orgId));
    if (state != null) {
      where = where.and(INPUT_GROUP.STATE.eq(state));
    }
    long total = tx.fetchCount(INPUT_GROUP, where);
    JsonArray items = new JsonArray();
    tx.select(summaryFields())
        .from(INPUT_GROUP)
        .where(where)
        .orderBy(INPUT_GROUP.ID)
        .limit(paging.limit())
        .offset(paging.offset())
        .forEach(r -> items.add(summary(r)));
    return new JsonObject().put("items", items).put("total", total);
  }

  /** One group of {@code orgId}, with its input felts. */
  public Optional<JsonObject> find(DSLContext tx, long id, long orgId) {
    return tx.select(summaryFields())
        .select(INPUT_GROUP.INPUT)
        .from(INPUT_GROUP)
        .where(INPUT_GROUP.ID.eq(id))
        .and(INPUT_GROUP.ORGANIZATION_ID.eq(orgId))
        .fetchOptional(
            r ->
                summary(r)
                    .put(
                        "input",
                        new JsonArray(List.of((Object[]) Felts.decode(r.get(INPUT_GROUP.INPUT))))));
  }

  /**
   * Cancels the group of {@code orgId} and its live lease, if any.
   *
   * @return empty if there is no such group; false if its state cannot be cancelled
   */
  public Optional<Boolean> cancel(DSLContext tx, long id, long orgId, String actor) {
    String state =
        tx.select(INPUT_GROUP.STATE)
            .from(INPUT_GROUP)
            .where(INPUT_GROUP.ID.eq(id))
            .and(INPUT_GROUP.ORGANIZATION_ID.eq(orgId))
            .forUpdate()
            .fetchOne(INPUT_GROUP.STATE);
    if (state == null) {
      return Optional.empty();
    }
    InputGroupState from = InputGroupState.valueOf(state);
    if (Transitions.INPUT_GROUPS.machine().next(from, InputGroupEvent.CANCEL).isEmpty()) {
      return Optional.of(false);
    }
    Map<Field<?>, Object> extra =
        Map.of(INPUT_GROUP.NEXT_TRANSITION_AT, DSL.inline((java.time.OffsetDateTime) null));
    Transitions.INPUT_GROUPS.applyIfIn(
        tx, id, from, InputGroupEvent.CANCEL, actor, "cancelled by the organization", extra);
    for (var lease :
        tx.select(LEASE.ID, LEASE.STATE)
            .from(LEASE)
            .where(LEASE.INPUT_GROUP_ID.eq(id))
            .and(LEASE.STATE.in("ACTIVE", "UPLOADED"))
            .fetch()) {
      Transitions.LEASES.applyIfIn(
          tx,
          lease.value1(),
          LeaseState.valueOf(lease.value2()),
          LeaseEvent.CANCEL,
          actor,
          "group cancelled");
    }
    return Optional.of(true);
  }

  /** The ids of a program's groups that may still be cancelled. */
  public List<Long> cancellableIds(DSLContext tx, long programId, long orgId) {
    return tx.select(INPUT_GROUP.ID)
        .from(INPUT_GROUP)
        .where(INPUT_GROUP.PROGRAM_ID.eq(programId))
        .and(INPUT_GROUP.ORGANIZATION_ID.eq(orgId))
        .and(INPUT_GROUP.STATE.in("READY", "LEASED", "EXECUTED", "PROVING", "PROVEN"))
        .fetch(INPUT_GROUP.ID);
  }

  private static List<Field<?>> summaryFields() {
    return List.of(
        INPUT_GROUP.ID,
        INPUT_GROUP.PROGRAM_ID,
        INPUT_GROUP.NAME,
        INPUT_GROUP.STATE,
        INPUT_GROUP.INPUT_LEN,
        INPUT_GROUP.PRIORITY,
        INPUT_GROUP.ATTEMPTS,
        INPUT_GROUP.MAX_ATTEMPTS,
        INPUT_GROUP.MAX_STEPS,
        INPUT_GROUP.LEASE_TIMEOUT_SECONDS,
        INPUT_GROUP.ERROR_REASON,
        INPUT_GROUP.CREATED_AT,
        INPUT_GROUP.UPDATED_AT);
  }

  private static JsonObject summary(Record r) {
    return new JsonObject()
        .put("id", r.get(INPUT_GROUP.ID))
        .put("program_id", r.get(INPUT_GROUP.PROGRAM_ID))
        .put("name", r.get(INPUT_GROUP.NAME))
        .put("state", r.get(INPUT_GROUP.STATE))
        .put("input_len", r.get(INPUT_GROUP.INPUT_LEN))
        .put("priority", r.get(INPUT_GROUP.PRIORITY))
        .put("attempts", r.get(INPUT_GROUP.ATTEMPTS))
        .put("max_attempts", r.get(INPUT_GROUP.MAX_ATTEMPTS))
        .put("max_steps", r.get(INPUT_GROUP.MAX_STEPS))
        .put("lease_timeout_seconds", r.get(INPUT_GROUP.LEASE_TIMEOUT_SECONDS))
        .put("error_reason", r.get(INPUT_GROUP.ERROR_REASON))
        .put("created_at", r.get(INPUT_GROUP.CREATED_AT).toString())
        .put("updated_at", r.get(INPUT_GROUP.UPDATED_AT).toString());
  }
}
