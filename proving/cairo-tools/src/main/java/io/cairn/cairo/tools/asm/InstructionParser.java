package io.cairn.cairo.tools.asm;

/**
 * Parses the body of one instruction (everything before an optional {@code , ap++}).
 *
 * <p>Recognizes {@code ret}, {@code ap += x}, {@code jmp}/{@code call} in their {@code rel}, {@code
 * abs} and label forms, {@code jmp ... if [x] != 0}, {@code dw x}, and {@code [assert] a = b}.
 */
final class InstructionParser {

  private final Parser parser;

  InstructionParser(Parser parser) {
    this.parser = parser;
  }

  InstructionSyntax parseBody() {
    Token first = parser.peek();
    if (first.isWord("ret")) {
      parser.next();
      return new InstructionSyntax.Ret();
    }
    if (first.isWord("ap") && parser.peekAt(1).kind() == TokenKind.PLUS_EQUALS) {
      parser.next();
      parser.next();
      return new InstructionSyntax.AddAp(parser.parseExpression());
    }
    if (first.isWord("jmp")) {
      parser.next();
      return parseJump();
    }
    if (first.isWord("call")) {
      parser.next();
      return parseCall();
    }
    if (first.isWord("dw")) {
      parser.next();
      return new InstructionSyntax.DataWord(parser.parseExpression());
    }
    if (first.isWord("assert")) {
      parser.next();
    }
    Expr left = parser.parseExpression();
    Token equals = parser.next();
    if (equals.kind() != TokenKind.EQUALS) {
      throw Parser.unexpected(equals, "'=' (an instruction has the form 'a = b')");
    }
    return new InstructionSyntax.AssertEq(left, parser.parseExpression());
  }

  private InstructionSyntax parseJump() {
    Token mode = parser.peek();
    if (mode.isWord("abs")) {
      parser.next();
      Expr target = parser.parseExpression();
      if (parser.peek().isWord("if")) {
        throw new AssemblyException(
            parser.peek().position(), "a conditional jump must be relative ('jmp rel')");
      }
      return new InstructionSyntax.Jump(false, target);
    }
    if (mode.isWord("rel")) {
      parser.next();
      Expr offset = parser.parseExpression();
      Expr condition = parseOptionalCondition();
      return condition == null
          ? new InstructionSyntax.Jump(true, offset)
          : new InstructionSyntax.JumpIfNotZero(offset, condition);
    }
    String label = parser.expectName("'rel', 'abs' or a label after 'jmp'");
    return new InstructionSyntax.JumpToLabel(label, parseOptionalCondition());
  }

  private Expr parseOptionalCondition() {
    if (!parser.peek().isWord("if")) {
      return null;
    }
    parser.next();
    Expr condition = parser.parseExpression();
    parser.expect(TokenKind.NOT_EQUALS, "'!=' in 'if [x] != 0'");
    Token zero = parser.next();
    if (zero.kind() != TokenKind.INTEGER || !zero.text().equals("0")) {
      throw Parser.unexpected(zero, "'0' in 'if [x] != 0'");
    }
    return condition;
  }

  private InstructionSyntax parseCall() {
    Token mode = parser.peek();
    if (mode.isWord("abs") || mode.isWord("rel")) {
      parser.next();
      return new InstructionSyntax.Call(mode.isWord("rel"), parser.parseExpression());
    }
    return new InstructionSyntax.CallLabel(
        parser.expectName("'rel', 'abs' or a function name after 'call'"));
  }
}
