package io.cairn.cairo.tools.asm;

import java.math.BigInteger;
import java.util.function.Function;

/**
 * Evaluates compile-time expressions (integers, constant names, {@code + - * /}, unary minus) to
 * integers.
 *
 * <p>Values are plain integers, not reduced modulo the prime, so that offsets such as {@code -3}
 * keep their sign; immediates are reduced when they are encoded. Division must be exact.
 */
final class ConstantEvaluator {

  private final Function<Expr.Name, BigInteger> names;

  /**
   * @param names resolves a constant name to its value, or throws {@link AssemblyException}
   */
  ConstantEvaluator(Function<Expr.Name, BigInteger> names) {
    this.names = names;
  }

  BigInteger evaluate(Expr expr) {
    return switch (expr) {
      case Expr.Int i -> i.value();
      case Expr.Name n -> names.apply(n);
      case Expr.Neg n -> evaluate(n.operand()).negate();
      case Expr.Binary b -> binary(b);
      case Expr.Reg r -> throw new AssemblyException(r.position(), "a register is not a constant");
      case Expr.Deref d ->
          throw new AssemblyException(d.position(), "a memory reference is not a constant");
    };
  }

  private BigInteger binary(Expr.Binary b) {
    BigInteger left = evaluate(b.left());
    BigInteger right = evaluate(b.right());
    return switch (b.op()) {
      case '+' -> left.add(right);
      case '-' -> left.subtract(right);
      case '*' -> left.multiply(right);
      case '/' -> {
        if (right.signum() == 0 || left.mod(right.abs()).signum() != 0) {
          throw new AssemblyException(
              b.position(), "constant division must be exact: " + left + " / " + right);
        }
        yield left.divide(right);
      }
      default -> throw new AssemblyException(b.position(), "unknown operator " + b.op());
    };
  }
}
