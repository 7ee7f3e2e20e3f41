package io.cairn.cairo.tools.asm;

import io.cairn.cairo.vm.Instruction.Register;
import java.math.BigInteger;

/**
 * An expression as written in assembly source, before it is matched to an instruction form.
 *
 * <p>Like cairo-lang, the parser builds a general tree ({@code [[fp + -3] + 2] * 5}) and {@link
 * InstructionBuilder} decides whether it fits an operand shape. Names refer to constants (resolved
 * by {@link ConstantEvaluator}).
 */
public sealed interface Expr {

  /** Where the expression starts in the source. */
  SourcePosition position();

  /** An integer literal (not yet reduced modulo the prime). */
  record Int(BigInteger value, SourcePosition position) implements Expr {}

  /** A name: a constant such as {@code N} or {@code main.Args.SIZE}. */
  record Name(String name, SourcePosition position) implements Expr {}

  /** The register {@code ap} or {@code fp}. */
  record Reg(Register register, SourcePosition position) implements Expr {}

  /** A memory read {@code [address]}. */
  record Deref(Expr address, SourcePosition position) implements Expr {}

  /** Unary minus. */
  record Neg(Expr operand, SourcePosition position) implements Expr {}

  /** A binary operation: {@code op} is one of {@code + - * /}. */
  record Binary(char op, Expr left, Expr right, SourcePosition position) implements Expr {}

  /** True if the expression reads no register and no memory, so it is a compile-time value. */
  static boolean isConstant(Expr expr) {
    return switch (expr) {
      case Int i -> true;
      case Name n -> true;
      case Reg r -> false;
      case Deref d -> false;
      case Neg n -> isConstant(n.operand());
      case Binary b -> isConstant(b.left()) && isConstant(b.right());
    };
  }
}
