package io.cairn.cairo.tools.asm;

import io.cairn.cairo.tools.asm.FunctionSignature.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses Cairo 0 assembly source into a flat list of {@link Statement}s.
 *
 * <p>Statements end with {@code ;}, a line break, or the {@code }} closing a function. A function
 * written {@code func f(...) { ... }} ends at its closing brace; one written {@code func f(...):}
 * ends at the next {@code func} or the end of the file. Both produce a {@link
 * Statement.FunctionStart} / {@link Statement.FunctionEnd} pair. The grammar is documented in the
 * module README.
 */
public final class Parser {

  private static final Set<String> KEYWORDS =
      Set.of(
          "ap", "fp", "jmp", "call", "ret", "rel", "abs", "if", "dw", "func", "const", "assert",
          "let");

  private final List<Token> tokens;
  private final List<Statement> statements = new ArrayList<>();
  private int index;
  private FunctionBlock openFunction = FunctionBlock.NONE;

  private enum FunctionBlock {
    NONE,
    BRACES,
    COLON
  }

  /** True if {@code word} is reserved and cannot name a label, function or constant. */
  public static boolean isKeyword(String word) {
    return KEYWORDS.contains(word);
  }

  private Parser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /**
   * Parses a whole source file.
   *
   * @throws AssemblyException on the first syntax error, with its line and column
   */
  public static List<Statement> parse(String source) {
    Parser parser = new Parser(Lexer.tokenize(source));
    parser.parseAll();
    return List.copyOf(parser.statements);
  }

  private void parseAll() {
    while (peek().kind() != TokenKind.END_OF_INPUT) {
      parseStatement();
    }
    if (openFunction == FunctionBlock.BRACES) {
      throw new AssemblyException(peek().position(), "function body is never closed with '}'");
    }
    closeColonFunction(peek().position());
  }

  private void parseStatement() {
    Token first = peek();
    switch (first.kind()) {
      case NEWLINE, SEMICOLON -> index++;
      case RBRACE -> closeBraceFunction();
      case HINT -> {
        index++;
        statements.add(new Statement.Hint(first.text(), first.position()));
      }
      case DIRECTIVE -> parseDirective();
      case IDENTIFIER -> parseWordStatement(first);
      default -> parseInstruction();
    }
  }

  private void parseWordStatement(Token first) {
    if (first.isWord("func")) {
      parseFunction();
    } else if (first.isWord("const")) {
      index++;
      String name = expectName("a constant name");
      expect(TokenKind.EQUALS, "'='");
      statements.add(new Statement.Constant(name, parseExpression(), first.position()));
      expectStatementEnd();
    } else if (first.isWord("let")) {
      index++;
      String name = expectName("a reference name");
      expect(TokenKind.EQUALS, "'='");
      statements.add(new Statement.Reference(name, parseExpression(), first.position()));
      expectStatementEnd();
    } else if (!KEYWORDS.contains(first.text()) && peekAt(1).kind() == TokenKind.COLON) {
      index += 2;
      statements.add(new Statement.Label(first.text(), first.position()));
    } else {
      parseInstruction();
    }
  }

  private void parseDirective() {
    Token directive = next();
    if (!directive.text().equals("builtins")) {
      throw new AssemblyException(
          directive.position(), "unknown directive '%" + directive.text() + "'");
    }
    List<String> names = new ArrayList<>();
    while (peek().kind() == TokenKind.IDENTIFIER) {
      names.add(next().text());
    }
    statements.add(new Statement.Builtins(names, directive.position()));
    expectStatementEnd();
  }

  private void parseFunction() {
    Token func = next();
    if (openFunction == FunctionBlock.BRACES) {
      throw new AssemblyException(func.position(), "functions cannot be nested");
    }
    closeColonFunction(func.position());
    String name = expectName("a function name");
    List<Parameter> implicitArgs = List.of();
    if (peek().kind() == TokenKind.LBRACE && startsImplicitArguments()) {
      index++;
      implicitArgs = parseParameters(TokenKind.RBRACE);
    }
    List<Parameter> args = List.of();
    if (peek().kind() == TokenKind.LPAREN) {
      index++;
      args = parseParameters(TokenKind.RPAREN);
    }
    String returnType = "()";
    if (peek().kind() == TokenKind.ARROW) {
      index++;
      returnType = parseReturnType();
    }
    statements.add(
        new Statement.FunctionStart(
            new FunctionSignature(name, implicitArgs, args, returnType), func.position()));
    Token opener = next();
    switch (opener.kind()) {
      case LBRACE -> openFunction = FunctionBlock.BRACES;
      case COLON -> openFunction = FunctionBlock.COLON;
      default -> throw unexpected(opener, "'{' or ':' to start the function body");
    }
  }

  /** At '{' after a function name: true if the matching '}' is followed by '(' (Cairo syntax). */
  private boolean startsImplicitArguments() {
    for (int i = index + 1; i < tokens.size(); i++) {
      TokenKind kind = tokens.get(i).kind();
      if (kind == TokenKind.RBRACE) {
        return i + 1 < tokens.size() && tokens.get(i + 1).kind() == TokenKind.LPAREN;
      }
      if (kind != TokenKind.IDENTIFIER
          && kind != TokenKind.COMMA
          && kind != TokenKind.COLON
          && kind != TokenKind.STAR
          && kind != TokenKind.NEWLINE) {
        return false;
      }
    }
    return false;
  }

  private List<Parameter> parseParameters(TokenKind closing) {
    List<Parameter> parameters = new ArrayList<>();
    skipNewlines();
    while (peek().kind() != closing) {
      String name = expectName("an argument name");
      String type = "felt";
      if (peek().kind() == TokenKind.COLON) {
        index++;
        type = parseType();
      }
      parameters.add(new Parameter(name, type));
      skipNewlines();
      if (peek().kind() != closing) {
        expect(TokenKind.COMMA, "',' between arguments");
        skipNewlines();
      }
    }
    index++;
    return parameters;
  }

  private String parseType() {
    StringBuilder type = new StringBuilder(expectName("a type such as felt or felt*"));
    while (peek().kind() == TokenKind.STAR) {
      index++;
      type.append('*');
    }
    return type.toString();
  }

  private String parseReturnType() {
    if (peek().kind() != TokenKind.LPAREN) {
      return parseType();
    }
    index++;
    List<String> members = new ArrayList<>();
    for (Parameter p : parseParameters(TokenKind.RPAREN)) {
      members.add(p.name() + ": " + p.cairoType());
    }
    return "(" + String.join(", ", members) + ")";
  }

  private void closeBraceFunction() {
    Token brace = next();
    if (openFunction != FunctionBlock.BRACES) {
      throw new AssemblyException(brace.position(), "'}' without an open function body");
    }
    statements.add(new Statement.FunctionEnd(brace.position()));
    openFunction = FunctionBlock.NONE;
  }

  private void closeColonFunction(SourcePosition at) {
    if (openFunction == FunctionBlock.COLON) {
      statements.add(new Statement.FunctionEnd(at));
      openFunction = FunctionBlock.NONE;
    }
  }

  private void parseInstruction() {
    SourcePosition at = peek().position();
    InstructionSyntax body = new InstructionParser(this).parseBody();
    boolean incrementAp = false;
    if (peek().kind() == TokenKind.COMMA) {
      index++;
      Token ap = next();
      if (!ap.isWord("ap") || next().kind() != TokenKind.PLUS_PLUS) {
        throw new AssemblyException(ap.position(), "expected 'ap++' after ','");
      }
      incrementAp = true;
    }
    statements.add(new Statement.InstructionStatement(body, incrementAp, at));
    expectStatementEnd();
  }

  /** Parses an expression ({@link ExpressionParser}). */
  Expr parseExpression() {
    return new ExpressionParser(this).parseSum();
  }

  // ---- token helpers (package-private for InstructionParser) ---------------------------------

  Token peek() {
    return tokens.get(index);
  }

  Token peekAt(int ahead) {
    return tokens.get(Math.min(index + ahead, tokens.size() - 1));
  }

  Token next() {
    Token token = tokens.get(index);
    if (token.kind() != TokenKind.END_OF_INPUT) {
      index++;
    }
    return token;
  }

  Token expect(TokenKind kind, String what) {
    Token token = next();
    if (token.kind() != kind) {
      throw unexpected(token, what);
    }
    return token;
  }

  String expectName(String what) {
    Token token = next();
    if (token.kind() != TokenKind.IDENTIFIER || KEYWORDS.contains(token.text())) {
      throw unexpected(token, what);
    }
    return token.text();
  }

  static AssemblyException unexpected(Token token, String expected) {
    return new AssemblyException(
        token.position(), "expected " + expected + ", found " + token.describe());
  }

  private void skipNewlines() {
    while (peek().kind() == TokenKind.NEWLINE) {
      index++;
    }
  }

  private void expectStatementEnd() {
    Token token = peek();
    switch (token.kind()) {
      case SEMICOLON, NEWLINE -> index++;
      case RBRACE, END_OF_INPUT -> {}
      default -> throw unexpected(token, "';' or the end of the line");
    }
  }
}
