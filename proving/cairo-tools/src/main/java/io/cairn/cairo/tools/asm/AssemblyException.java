package io.cairn.cairo.tools.asm;

/**
 * A failure to assemble Cairo 0 source, located at a line and column of the input.
 *
 * <p>The message starts with {@code line:column:} so it can be shown to a person as is. The
 * position is also available separately for tools and tests.
 */
public final class AssemblyException extends RuntimeException {

  private final SourcePosition position;
  private final String reason;

  /** Creates a failure at {@code position} with a human-readable {@code reason}. */
  public AssemblyException(SourcePosition position, String reason) {
    super(position + ": " + reason);
    this.position = position;
    this.reason = reason;
  }

  /** Where in the source the problem is. */
  public SourcePosition position() {
    return position;
  }

  /** The 1-based line of the problem. */
  public int line() {
    return position.line();
  }

  /** The 1-based column of the problem. */
  public int column() {
    return position.column();
  }

  /** The message without the position prefix. */
  public String reason() {
    return reason;
  }
}
