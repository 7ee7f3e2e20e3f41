package io.cairn.schema.state;

/** An event that the state machine does not allow from the entity's current state. */
public final class IllegalTransitionException extends RuntimeException {
  private final String entity;
  private final Enum<?> from;
  private final Enum<?> event;

  public IllegalTransitionException(String entity, Enum<?> from, Enum<?> event) {
    super(entity + " in state " + from + " cannot take event " + event);
    this.entity = entity;
    this.from = from;
    this.event = event;
  }

  public String entity() {
    return entity;
  }

  public Enum<?> from() {
    return from;
  }

  public Enum<?> event() {
    return event;
  }
}
