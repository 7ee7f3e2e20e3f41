package io.cairn.cairo.tools.asm;

/** The kinds of token the {@link Lexer} produces. */
public enum TokenKind {
  /** A name: letters, digits, underscores and inner dots, not starting with a digit. */
  IDENTIFIER,
  /** A decimal or {@code 0x} hexadecimal integer literal (without sign). */
  INTEGER,
  /** A directive such as {@code %builtins}; the token text holds the name without {@code %}. */
  DIRECTIVE,
  /** A hint block {@code %{ ... %}}; the token text holds the code between the braces. */
  HINT,
  LBRACKET,
  RBRACKET,
  LPAREN,
  RPAREN,
  LBRACE,
  RBRACE,
  PLUS,
  MINUS,
  STAR,
  SLASH,
  EQUALS,
  NOT_EQUALS,
  PLUS_EQUALS,
  PLUS_PLUS,
  ARROW,
  COMMA,
  SEMICOLON,
  COLON,
  /** A line break outside brackets and parentheses: ends a statement like a semicolon. */
  NEWLINE,
  END_OF_INPUT
}
