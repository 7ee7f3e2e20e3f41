package io.cairn.schema.state;

import static io.cairn.schema.jooq.Tables.INPUT_GROUP;
import static io.cairn.schema.jooq.Tables.LEASE;
import static io.cairn.schema.jooq.Tables.STATE_CHANGE;

import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Applies state-machine events to rows: every state change of an input group or a lease goes
 * through here, as one conditional update plus one audit row in {@code state_change}, inside the
 * caller's transaction.
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
