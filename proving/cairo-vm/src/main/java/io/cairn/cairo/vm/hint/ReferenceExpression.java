package io.cairn.cairo.vm.hint;

import io.cairn.cairo.vm.Arithmetic;
import io.cairn.cairo.vm.Memory;
import io.cairn.cairo.vm.Relocatable;
import io.cairn.math.Felt;
import java.math.BigInteger;

/**
 * A parsed reference expression of the reference manager, such as {@code [cast(fp + (-3), felt*)]}
 * or {@code cast([fp + (-4)] + 1, felt)}: registers, integer literals, {@code + - *}, dereference
 * {@code [e]} and {@code cast(e, T)} (which only changes the type).
 */
sealed interface ReferenceExpression {

  /** The registers an expression is evaluated against; ap is already adjusted for tracking. */
  record Registers(Relocatable ap, Relocatable fp, Memory memory) {}

  /** Evaluates to a Felt or a Relocatable. */
  Object eval(Registers regs);

  /** Whether the expression mentions ap. */
  boolean usesAp();

  /** A register. */
  record Reg(String name) implements ReferenceExpression {
    @Override
    public Object eval(Registers regs) {
      return name.equals("ap") ? regs.ap() : regs.fp();
    }

    @Override
    public boolean usesAp() {
      return name.equals("ap");
    }
  }

  /** An integer literal. */
  record Literal(BigInteger value) implements ReferenceExpression {
    @Override
    public Object eval(Registers regs) {
      return Felt.of(value);
    }

    @Override
    public boolean usesAp() {
      return false;
    }
  }

  /** {@code [inner]}. */
  record Deref(ReferenceExpression inner) implements ReferenceExpression {
    @Override
    public Object eval(Registers regs) {
      Object addr = inner.eval(regs);
      if (!(addr instanceof Relocatable r)) {
        throw new HintException("dereference of a felt in reference expression: " + addr);
      }
      Object v = regs.memory().get(r);
      if (v == null) {
        throw new HintException("reference reads unknown memory cell " + r);
      }
      return v;
    }

    @Override
    public boolean usesAp() {
      return inner.usesAp();
    }
  }

  /** {@code cast(inner, type)}. */
  record Cast(ReferenceExpression inner, String type) implements ReferenceExpression {
    @Override
    public Object eval(Registers regs) {
      return inner.eval(regs);
    }

    @Override
    public boolean usesAp() {
      return inner.usesAp();
    }
  }

  /** A binary operation. */
  record Binary(char op, ReferenceExpression left, ReferenceExpression right)
      implements ReferenceExpression {
    @Override
    public Object eval(Registers regs) {
      Object a = left.eval(regs);
      Object b = right.eval(regs);
      return switch (op) {
        case '+' -> Arithmetic.add(a, b);
        case '-' -> Arithmetic.sub(a, b);
        default -> Arithmetic.mul(a, b);
      };
    }

    @Override
    public boolean usesAp() {
      return left.usesAp() || right.usesAp();
    }
  }

  /** Unary minus. */
  record Neg(ReferenceExpression inner) implements ReferenceExpression {
    @Override
    public Object eval(Registers regs) {
      return Arithmetic.mul(Felt.of(-1), inner.eval(regs));
    }

    @Override
    public boolean usesAp() {
      return inner.usesAp();
    }
  }

  /** Parses reference-expression text. */
  static ReferenceExpression parse(String text) {
    return new ReferenceParser(text).parseAll();
  }
}
