package io.cairn.schema.state;

import static io.cairn.schema.jooq.Tables.INPUT_GROUP;
import static io.cairn.schema.jooq.Tables.LEASE;
import static io.cairn.schema.jooq.Tables.STATE_CHANGE;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import org.jooq.CaseValueStep;
import org.jooq.CaseWhenStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Applies state-machine events to rows: every state change of an input group or a lease goes
 * through here, as one conditional update plus one audit row in {@code state_change}, inside the
 * caller's transaction. {@link #applyAllIfIn} is the batch form: one statement for any number of
 * rows, with one audit row for each row it moved.
 *
 * @param <S> the states
 * @param <E> the events
 */
public final class Transitions<S extends Enum<S>, E extends Enum<E>> {
  /** Input groups ({@code input_group.state}). */
  public static final Transitions<InputGroupState, InputGroupEvent> INPUT_GROUPS =
      new Transitions<>(
          InputGroupLifecycle.MACHINE,
          "INPUT_GROUP",
          INPUT_GROUP,
          INPUT_GROUP.ID,
          INPUT_GROUP.STATE,
          INPUT_GROUP.UPDATED_AT,
          InputGroupState::valueOf);

  /** Leases ({@code lease.state}). */
  public static final Transitions<LeaseState, LeaseEvent> LEASES =
      new Transitions<>(
          LeaseLifecycle.MACHINE, "LEASE", LEASE, LEASE.ID, LEASE.STATE, null, LeaseState::valueOf);

  private final StateMachine<S, E> machine;
  private final String entity;
  private final Table<?> table;
  private final Field<Long> id;
  private final Field<String> state;
  private final Field<java.time.OffsetDateTime> updatedAt;
  private final Function<String, S> parse;

  private Transitions(
      StateMachine<S, E> machine,
      String entity,
      Table<?> table,
      Field<Long> id,
      Field<String> state,
      Field<java.time.OffsetDateTime> updatedAt,
      Function<String, S> parse) {
    this.machine = machine;
    this.entity = entity;
    this.table = table;
    this.id = id;
    this.state = state;
    this.updatedAt = updatedAt;
    this.parse = parse;
  }

  public StateMachine<S, E> machine() {
    return machine;
  }

  /**
   * Locks the row, checks that {@code event} is allowed from its current state, moves it and
   * records the change.
   *
   * @return the new state
   * @throws IllegalTransitionException if the table does not allow the event (the row is unchanged)
   * @throws NoSuchElementException if there is no such row
   */
  public S apply(DSLContext tx, long rowId, E event, String actor, String reason) {
    String current = tx.select(state).from(table).where(id.eq(rowId)).forUpdate().fetchOne(state);
    if (current == null) {
      throw new NoSuchElementException(machine.entity() + " " + rowId + " does not exist");
    }
    S from = parse.apply(current);
    S to = machine.apply(from, event);
    move(tx, rowId, from, to, event, actor, reason, Map.of());
    return to;
  }

  /**
   * Moves the row only if it is still in {@code from} (an optimistic, lock-free claim), setting
   * {@code extra} columns in the same statement.
   *
   * @return true if this call moved the row; false if the row was not in {@code from} (someone else
   *     got there first, or the row is gone)
   * @throws IllegalTransitionException if the table does not allow {@code event} from {@code from}
   */
  public boolean applyIfIn(
      DSLContext tx,
      long rowId,
      S from,
      E event,
      String actor,
      String reason,
      Map<Field<?>, Object> extra) {
    S to = machine.apply(from, event);
    return move(tx, rowId, from, to, event, actor, reason, extra);
  }

  /**
   * {@link #applyIfIn(DSLContext, long, Enum, Enum, String, String, Map)} with no extra columns.
   */
  public boolean applyIfIn(
      DSLContext tx, long rowId, S from, E event, String actor, String reason) {
    return applyIfIn(tx, rowId, from, event, actor, reason, Map.of());
  }

  /**
   * The batch form of {@link #applyIfIn}: moves every row of {@code rowIds} that is in one of the
   * states {@code from} by {@code event} (each from-state to its own target), setting {@code extra}
   * columns, and writes one audit row for each row it moved, all in one statement. Rows in any
   * other state (or gone) are left untouched and get no audit row.
   *
   * @param returning columns to return of each moved row, as they are after the move (may be empty)
   * @return the moved rows by id (the ids of the rows this call moved, in {@code keySet()}); each
   *     record holds the {@code returning} fields (read them with {@code record.get(field)})
   * @throws IllegalTransitionException if the table does not allow {@code event} from one of {@code
   *     from} (nothing is changed)
   */
  public Map<Long, Record> applyAllIfIn(
      DSLContext tx,
      Collection<Long> rowIds,
      Set<S> from,
      E event,
      String actor,
      String reason,
      Map<Field<?>, Object> extra,
      List<? extends Field<?>> returning) {
    if (from.isEmpty()) {
      throw new IllegalArgumentException("no from-state given");
    }
    Map<S, S> targets = new LinkedHashMap<>();
    for (S f : from) {
      targets.put(f, machine.apply(f, event));
    }
    if (rowIds.isEmpty()) {
      return Map.of();
    }
    Field<Long[]> ids = DSL.val(rowIds.toArray(Long[]::new));
    Map<Field<?>, Object> set = new HashMap<>(extra);
    if (updatedAt != null) {
      set.put(updatedAt, DSL.currentOffsetDateTime());
    }
    List<Field<?>> fields = new ArrayList<>();
    fields.add(id.as("cairn_id"));
    org.jooq.ResultQuery<?> update;
    if (targets.size() == 1) {
      // one from-state: a plain conditional update, the scheduler's case
      var only = targets.entrySet().iterator().next();
      set.put(state, DSL.inline(only.getValue().name()));
      fields.add(DSL.inline(only.getKey().name()).as("cairn_from"));
      fields.add(state.as("cairn_to"));
      fields.addAll(returning);
      update =
          tx.update(table)
              .set(set)
              .where(id.eq(DSL.any(ids)))
              .and(state.eq(DSL.inline(only.getKey().name())))
              .returningResult(fields);
    } else {
      // the states as this statement's snapshot sees them; the update re-checks each row's state
      // after taking its lock, so a row another transaction moved meanwhile is skipped
      Table<?> old =
          DSL.select(id.as("cairn_oid"), state.as("cairn_from"))
              .from(table)
              .where(id.eq(DSL.any(ids)))
              .and(state.in(targets.keySet().stream().map(s -> DSL.inline(s.name())).toList()))
              .asTable("cairn_old");
      Field<Long> oldId = old.field("cairn_oid", Long.class);
      Field<String> oldState = old.field("cairn_from", String.class);
      set.put(state, toStateCase(oldState, targets));
      fields.add(oldState.as("cairn_from"));
      fields.add(state.as("cairn_to"));
      fields.addAll(returning);
      update =
          tx.update(table)
              .set(set)
              .from(old)
              .where(id.eq(oldId))
              .and(state.eq(oldState))
              .returningResult(fields);
    }
    Map<Long, Record> moved = new LinkedHashMap<>();
    tx.resultQuery(
            "WITH cairn_moved AS ({0}), cairn_audit AS ("
                + "INSERT INTO state_change"
                + " (entity, entity_id, from_state, to_state, event, actor, reason)"
                + " SELECT {1}, cairn_id, cairn_from, cairn_to, {2}, {3}, {4} FROM cairn_moved)"
                + " SELECT * FROM cairn_moved",
            update,
            DSL.inline(entity),
            DSL.inline(event.name()),
            DSL.val(actor),
            DSL.val(reason, String.class))
        .coerce(fields) // typed by the fields, not by the JDBC metadata
        .fetch()
        .forEach(r -> moved.put(r.get("cairn_id", Long.class), r));
    return moved;
  }

  private Field<String> toStateCase(Field<String> oldState, Map<S, S> targets) {
    CaseValueStep<String> c = DSL.choose(oldState);
    CaseWhenStep<String, String> when = null;
    for (var t : targets.entrySet()) {
      Field<String> f = DSL.inline(t.getKey().name());
      Field<String> to = DSL.inline(t.getValue().name());
      when = when == null ? c.when(f, to) : when.when(f, to);
    }
    return when.otherwise(oldState);
  }

  private boolean move(
      DSLContext tx,
      long rowId,
      S from,
      S to,
      E event,
      String actor,
      String reason,
      Map<Field<?>, Object> extra) {
    Map<Field<?>, Object> set = new HashMap<>(extra);
    set.put(state, to.name());
    if (updatedAt != null) {
      set.put(updatedAt, DSL.currentOffsetDateTime());
    }
    int updated =
        tx.update(table).set(set).where(id.eq(rowId)).and(state.eq(from.name())).execute();
    if (updated == 0) {
      return false;
    }
    tx.insertInto(STATE_CHANGE)
        .set(STATE_CHANGE.ENTITY, entity)
        .set(STATE_CHANGE.ENTITY_ID, rowId)
        .set(STATE_CHANGE.FROM_STATE, from.name())
        .set(STATE_CHANGE.TO_STATE, to.name())
        .set(STATE_CHANGE.EVENT, event.name())
        .set(STATE_CHANGE.ACTOR, actor)
        .set(STATE_CHANGE.REASON, reason)
        .execute();
    return true;
  }
}
