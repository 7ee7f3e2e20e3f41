package io.cairn.cairo.tools.asm;

/**
 * A place in assembly source text: 1-based line and column.
 *
 * @param line 1-based line number
 * @param column 1-based column number
 */
public record SourcePosition(int line, int column) {

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
