package io.cairn.cairo.tools.asm;

/**
 * One lexical token of Cairo 0 assembly.
 *
 * @param kind what the token is
 * @param text the token's text (for {@link TokenKind#HINT} the hint code, for {@link
 *     TokenKind#DIRECTIVE} the directive name)
 * @param position where the token starts
 */
public record Token(TokenKind kind, String text, SourcePosition position) {

  /** True if this is an identifier spelled exactly {@code word}. */
  public boolean isWord(String word) {
    return kind == TokenKind.IDENTIFIER && text.equals(word);
  }

  /** A short description for error messages. */
  public String describe() {
    return switch (kind) {
      case NEWLINE -> "end of line";
      case END_OF_INPUT -> "end of input";
      case HINT -> "hint block";
      case DIRECTIVE -> "'%" + text + "'";
      default -> "'" + text + "'";
    };
  }
}
