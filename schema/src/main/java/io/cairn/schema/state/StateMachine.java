package io.cairn.schema.state;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A finite state machine given by one table of allowed transitions {@code (from, event) -> to}.
 * Anything not in the table is refused.
 *
 * @param <S> the states, stored in a text column with a CHECK constraint listing the same names
 * @param <E> the events that move an entity from one state to another
 */
public final class StateMachine<S extends Enum<S>, E extends Enum<E>> {
  private final String entity;
  private final Map<S, Map<E, S>> table;

  private StateMachine(String entity, Map<S, Map<E, S>> table) {
    this.entity = entity;
    this.table = table;
  }

  /** Starts a table for the entity named {@code entity} (used in error messages and audit rows). */
  public static <S extends Enum<S>, E extends Enum<E>> Builder<S, E> builder(
      String entity, Class<S> states, Class<E> events) {
    return new Builder<>(entity, states, events);
  }

  /** The state {@code event} leads to from {@code from}, if the table allows it. */
  public Optional<S> next(S from, E event) {
    return Optional.ofNullable(table.getOrDefault(from, Map.of()).get(event));
  }

  /** The state {@code event} leads to from {@code from}; throws if the table does not allow it. */
  public S apply(S from, E event) {
    return next(from, event).orElseThrow(() -> new IllegalTransitionException(entity, from, event));
  }

  /** The events allowed from {@code from}, with their targets. */
  public Map<E, S> allowedFrom(S from) {
    return Collections.unmodifiableMap(table.getOrDefault(from, Map.of()));
  }

  public String entity() {
    return entity;
  }

  /** Collects the table; each {@code (from, event)} pair may appear once. */
  public static final class Builder<S extends Enum<S>, E extends Enum<E>> {
    private final String entity;
    private final Class<E> events;
    private final Map<S, Map<E, S>> table;

    private Builder(String entity, Class<S> states, Class<E> events) {
      this.entity = entity;
      this.events = events;
      this.table = new EnumMap<>(states);
    }

    /** Allows {@code event} to move the entity from each of {@code froms} to {@code to}. */
    @SafeVarargs
    public final Builder<S, E> allow(E event, S to, S... froms) {
      for (S from : froms) {
        Map<E, S> row = table.computeIfAbsent(from, f -> new EnumMap<>(events));
        if (row.putIfAbsent(event, to) != null) {
          throw new IllegalArgumentException(
              entity + ": transition " + from + " --" + event + "--> defined twice");
        }
      }
      return this;
    }

    public StateMachine<S, E> build() {
      return new StateMachine<>(entity, table);
    }
  }
}
