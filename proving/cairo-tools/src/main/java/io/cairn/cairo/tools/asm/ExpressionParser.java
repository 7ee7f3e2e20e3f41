package io.cairn.cairo.tools.asm;

import io.cairn.cairo.vm.Instruction.Register;
import java.math.BigInteger;

/**
 * Parses expressions: {@code sum := product (('+'|'-') product)*}, {@code product := unary
 * (('*'|'/') unary)*}, {@code unary := '-' unary | primary}, {@code primary := integer | name | ap
 * | fp | '[' sum ']' | '(' sum ')'}.
 */
final class ExpressionParser {

  private final Parser parser;

  ExpressionParser(Parser parser) {
    this.parser = parser;
  }

  /** Parses {@code sum := product (('+'|'-') product)*}. */
  Expr parseSum() {
    Expr left = parseProduct();
    while (parser.peek().kind() == TokenKind.PLUS || parser.peek().kind() == TokenKind.MINUS) {
      Token op = parser.next();
      left = new Expr.Binary(op.text().charAt(0), left, parseProduct(), left.position());
    }
    return left;
  }

  private Expr parseProduct() {
    Expr left = parseUnary();
    while (parser.peek().kind() == TokenKind.STAR || parser.peek().kind() == TokenKind.SLASH) {
      Token op = parser.next();
      left = new Expr.Binary(op.text().charAt(0), left, parseUnary(), left.position());
    }
    return left;
  }

  private Expr parseUnary() {
    if (parser.peek().kind() == TokenKind.MINUS) {
      Token minus = parser.next();
      return new Expr.Neg(parseUnary(), minus.position());
    }
    return parsePrimary();
  }

  private Expr parsePrimary() {
    Token token = parser.next();
    switch (token.kind()) {
      case INTEGER:
        return new Expr.Int(parseInteger(token.text()), token.position());
      case IDENTIFIER:
        if (token.text().equals("ap")) {
          return new Expr.Reg(Register.AP, token.position());
        }
        if (token.text().equals("fp")) {
          return new Expr.Reg(Register.FP, token.position());
        }
        if (Parser.isKeyword(token.text())) {
          throw Parser.unexpected(token, "an expression");
        }
        return new Expr.Name(token.text(), token.position());
      case LBRACKET:
        {
          Expr inner = parseSum();
          parser.expect(TokenKind.RBRACKET, "']'");
          return new Expr.Deref(inner, token.position());
        }
      case LPAREN:
        {
          Expr inner = parseSum();
          parser.expect(TokenKind.RPAREN, "')'");
          return inner;
        }
      default:
        throw Parser.unexpected(token, "an expression");
    }
  }

  private static BigInteger parseInteger(String text) {
    if (text.startsWith("0x") || text.startsWith("0X")) {
      return new BigInteger(text.substring(2), 16);
    }
    return new BigInteger(text);
  }
}
