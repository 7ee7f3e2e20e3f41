package io.cairn.cairo.vm.hint;

import java.math.BigInteger;

/** Recursive-descent parser for {@link ReferenceExpression} text. */
final class ReferenceParser {
  private final String s;
  private int pos;

  ReferenceParser(String text) {
    this.s = text;
  }

  ReferenceExpression parseAll() {
    ReferenceExpression e = expr();
    skipSpaces();
    if (pos != s.length()) {
      throw error("unexpected text");
    }
    return e;
  }

  private ReferenceExpression expr() {
    ReferenceExpression left = term();
    while (true) {
      skipSpaces();
      if (peek('+') || peek('-')) {
        char op = s.charAt(pos++);
        left = new ReferenceExpression.Binary(op, left, term());
      } else {
        return left;
      }
    }
  }

  private ReferenceExpression term() {
    ReferenceExpression left = factor();
    while (true) {
      skipSpaces();
      if (peek('*')) {
        pos++;
        left = new ReferenceExpression.Binary('*', left, factor());
      } else {
        return left;
      }
    }
  }

  private ReferenceExpression factor() {
    skipSpaces();
    if (peek('[')) {
      pos++;
      ReferenceExpression inner = expr();
      expect(']');
      return new ReferenceExpression.Deref(inner);
    }
    if (peek('(')) {
      pos++;
      ReferenceExpression inner = expr();
      expect(')');
      return inner;
    }
    if (peek('-')) {
      pos++;
      return new ReferenceExpression.Neg(factor());
    }
    if (s.startsWith("cast(", pos)) {
      pos += 5;
      ReferenceExpression inner = expr();
      expect(',');
      int depth = 0;
      int start = pos;
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == '(') {
          depth++;
        } else if (c == ')') {
          if (depth == 0) {
            break;
          }
          depth--;
        }
        pos++;
      }
      String type = s.substring(start, pos).trim();
      expect(')');
      return new ReferenceExpression.Cast(inner, type);
    }
    if (pos < s.length() && Character.isDigit(s.charAt(pos))) {
      int start = pos;
      while (pos < s.length() && Character.isLetterOrDigit(s.charAt(pos))) {
        pos++;
      }
      String lit = s.substring(start, pos);
      return new ReferenceExpression.Literal(
          lit.startsWith("0x") ? new BigInteger(lit.substring(2), 16) : new BigInteger(lit));
    }
    if (s.startsWith("ap", pos) || s.startsWith("fp", pos)) {
      String reg = s.substring(pos, pos + 2);
      pos += 2;
      return new ReferenceExpression.Reg(reg);
    }
    throw error("unexpected token");
  }

  private void expect(char c) {
    skipSpaces();
    if (!peek(c)) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private boolean peek(char c) {
    return pos < s.length() && s.charAt(pos) == c;
  }

  private void skipSpaces() {
    while (pos < s.length() && s.charAt(pos) == ' ') {
      pos++;
    }
  }

  private HintException error(String why) {
    return new HintException(
        "cannot parse reference expression '" + s + "' at " + pos + ": " + why);
  }
}
