package io.cairn.cairo.tools.asm;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Cairo 0 assembly source into {@link Token}s.
 *
 * <p>Comments run from {@code //} or {@code #} to the end of the line. Line breaks become {@link
 * TokenKind#NEWLINE} tokens (statement ends) except inside brackets and parentheses, where an
 * expression may continue on the next line. A hint block {@code %{ ... %}} becomes one {@link
 * TokenKind#HINT} token holding its code.
 */
public final class Lexer {

  private final String source;
  private final List<Token> tokens = new ArrayList<>();
  private int index;
  private int line = 1;
  private int lineStart;
  private int nesting;

  private Lexer(String source) {
    this.source = source;
  }

  /**
   * Tokenizes {@code source}; the list always ends with one {@link TokenKind#END_OF_INPUT}.
   *
   * @throws AssemblyException on a character that starts no token or an unterminated hint
   */
  public static List<Token> tokenize(String source) {
    Lexer lexer = new Lexer(source);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    while (index < source.length()) {
      char c = source.charAt(index);
      if (c == '\n') {
        if (nesting == 0) {
          add(TokenKind.NEWLINE, "\n", position());
        }
        index++;
        line++;
        lineStart = index;
      } else if (Character.isWhitespace(c)) {
        index++;
      } else if (c == '#' || source.startsWith("//", index)) {
        skipComment();
      } else if (Character.isDigit(c)) {
        readInteger();
      } else if (Character.isLetter(c) || c == '_') {
        readIdentifier();
      } else if (c == '%') {
        readPercent();
      } else {
        readPunctuation(c);
      }
    }
    add(TokenKind.END_OF_INPUT, "", position());
  }

  private SourcePosition position() {
    return new SourcePosition(line, index - lineStart + 1);
  }

  private void add(TokenKind kind, String text, SourcePosition at) {
    tokens.add(new Token(kind, text, at));
  }

  private void skipComment() {
    while (index < source.length() && source.charAt(index) != '\n') {
      index++;
    }
  }

  private void readInteger() {
    SourcePosition at = position();
    int start = index;
    if (source.startsWith("0x", index) || source.startsWith("0X", index)) {
      index += 2;
      while (index < source.length() && Character.digit(source.charAt(index), 16) >= 0) {
        index++;
      }
      if (index == start + 2) {
        throw new AssemblyException(at, "hexadecimal literal without digits");
      }
    } else {
      while (index < source.length() && Character.isDigit(source.charAt(index))) {
        index++;
      }
    }
    if (index < source.length() && isIdentifierPart(source.charAt(index))) {
      throw new AssemblyException(at, "malformed number '" + source.substring(start, index + 1));
    }
    add(TokenKind.INTEGER, source.substring(start, index), at);
  }

  private void readIdentifier() {
    SourcePosition at = position();
    int start = index;
    while (index < source.length()) {
      char c = source.charAt(index);
      boolean innerDot =
          c == '.' && index + 1 < source.length() && isIdentifierPart(source.charAt(index + 1));
      if (!isIdentifierPart(c) && !innerDot) {
        break;
      }
      index++;
    }
    add(TokenKind.IDENTIFIER, source.substring(start, index), at);
  }

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private void readPercent() {
    SourcePosition at = position();
    if (source.startsWith("%{", index)) {
      int end = source.indexOf("%}", index + 2);
      if (end < 0) {
        throw new AssemblyException(at, "hint block '%{' is never closed with '%}'");
      }
      String code = source.substring(index + 2, end);
      for (int i = index; i < end; i++) {
        if (source.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      index = end + 2;
      add(TokenKind.HINT, code, at);
      return;
    }
    index++;
    int start = index;
    while (index < source.length() && isIdentifierPart(source.charAt(index))) {
      index++;
    }
    if (index == start) {
      throw new AssemblyException(at, "expected a directive name after '%'");
    }
    add(TokenKind.DIRECTIVE, source.substring(start, index), at);
  }

  private void readPunctuation(char c) {
    SourcePosition at = position();
    String two = index + 1 < source.length() ? source.substring(index, index + 2) : "";
    TokenKind twoKind =
        switch (two) {
          case "!=" -> TokenKind.NOT_EQUALS;
          case "+=" -> TokenKind.PLUS_EQUALS;
          case "++" -> TokenKind.PLUS_PLUS;
          case "->" -> TokenKind.ARROW;
          default -> null;
        };
    if (twoKind != null) {
      index += 2;
      add(twoKind, two, at);
      return;
    }
    TokenKind kind =
        switch (c) {
          case '[' -> TokenKind.LBRACKET;
          case ']' -> TokenKind.RBRACKET;
          case '(' -> TokenKind.LPAREN;
          case ')' -> TokenKind.RPAREN;
          case '{' -> TokenKind.LBRACE;
          case '}' -> TokenKind.RBRACE;
          case '+' -> TokenKind.PLUS;
          case '-' -> TokenKind.MINUS;
          case '*' -> TokenKind.STAR;
          case '/' -> TokenKind.SLASH;
          case '=' -> TokenKind.EQUALS;
          case ',' -> TokenKind.COMMA;
          case ';' -> TokenKind.SEMICOLON;
          case ':' -> TokenKind.COLON;
          default -> throw new AssemblyException(at, "unexpected character '" + c + "'");
        };
    if (kind == TokenKind.LBRACKET || kind == TokenKind.LPAREN) {
      nesting++;
    } else if ((kind == TokenKind.RBRACKET || kind == TokenKind.RPAREN) && nesting > 0) {
      nesting--;
    }
    index++;
    add(kind, String.valueOf(c), at);
  }
}
