package io.cairn.cairo.tools.asm;

import io.cairn.cairo.vm.Instruction;
import io.cairn.cairo.vm.Instruction.ApUpdate;
import io.cairn.cairo.vm.Instruction.FpUpdate;
import io.cairn.cairo.vm.Instruction.Op1Source;
import io.cairn.cairo.vm.Instruction.Opcode;
import io.cairn.cairo.vm.Instruction.PcUpdate;
import io.cairn.cairo.vm.Instruction.Register;
import io.cairn.cairo.vm.Instruction.ResLogic;
import java.math.BigInteger;
import java.util.function.ToIntFunction;

/**
 * Turns one parsed instruction into its {@link Instruction} fields and immediate, as cairo-compile
 * encodes the same source.
 *
 * <p>Operands that an instruction does not use get cairo-compile's defaults ({@code [fp - 1]} for
 * an unused dst or op0, offset 1 for an immediate op1), so the bytecode is identical to what
 * cairo-compile produces.
 */
final class InstructionBuilder {

  private static final int OFFSET_LIMIT = 1 << 15;

  private final ConstantEvaluator constants;
  private final ToIntFunction<String> labelPc;

  /**
   * @param constants evaluates constant expressions
   * @param labelPc resolves a label or function name (in the current scope) to its pc
   */
  InstructionBuilder(ConstantEvaluator constants, ToIntFunction<String> labelPc) {
    this.constants = constants;
    this.labelPc = labelPc;
  }

  /**
   * The reference-manager expression for {@code let x = [reg + off]}, as cairo-compile writes it:
   * {@code [cast(fp + (-3), felt*)]}.
   */
  String referenceValue(Expr expr) {
    RegisterOffset cell =
        registerOffset(deref(expr, "a memory cell [reg + off] as reference value").address());
    String register = cell.register == Register.AP ? "ap" : "fp";
    String address =
        cell.offset == 0
            ? register
            : register + " + " + (cell.offset < 0 ? "(" + cell.offset + ")" : cell.offset);
    return "[cast(" + address + ", felt*)]";
  }

  /** The shape of res: op0, op1 and how they combine. */
  private record Res(
      Register op0Reg, int offOp0, Op1Source op1Src, int offOp1, BigInteger imm, ResLogic logic) {}

  EncodedInstruction build(Statement.InstructionStatement statement, int pc) {
    InstructionSyntax body = statement.body();
    boolean apPlusPlus = statement.incrementAp();
    if (apPlusPlus
        && !(body instanceof InstructionSyntax.AssertEq
            || body instanceof InstructionSyntax.Jump
            || body instanceof InstructionSyntax.JumpIfNotZero
            || body instanceof InstructionSyntax.JumpToLabel)) {
      throw new AssemblyException(
          statement.position(), "ap++ may not be used with this instruction");
    }
    ApUpdate ap = apPlusPlus ? ApUpdate.ADD1 : ApUpdate.REGULAR;
    return switch (body) {
      case InstructionSyntax.AssertEq a -> assertEq(a, ap);
      case InstructionSyntax.Jump j -> jump(j.relative(), res(j.target()), ap);
      case InstructionSyntax.JumpIfNotZero j -> jumpIfNotZero(j.offset(), j.condition(), ap);
      case InstructionSyntax.JumpToLabel j -> {
        Expr offset = labelOffset(j.label(), pc, statement.position());
        yield j.condition() == null
            ? jump(true, res(offset), ap)
            : jumpIfNotZero(offset, j.condition(), ap);
      }
      case InstructionSyntax.Call c -> call(c.relative(), c.target());
      case InstructionSyntax.CallLabel c ->
          call(true, labelOffset(c.label(), pc, statement.position()));
      case InstructionSyntax.Ret r ->
          encoded(
              new Instruction(
                  -2,
                  -1,
                  -1,
                  Register.FP,
                  Register.FP,
                  Op1Source.FP,
                  ResLogic.OP1,
                  PcUpdate.JUMP,
                  ApUpdate.REGULAR,
                  FpUpdate.DST,
                  Opcode.RET),
              null);
      case InstructionSyntax.AddAp a -> {
        Res res = res(a.value());
        yield withRes(-1, Register.FP, res, PcUpdate.REGULAR, ApUpdate.ADD, Opcode.NOP);
      }
      case InstructionSyntax.DataWord d ->
          new EncodedInstruction(null, reduce(constant(d.value(), "dw")));
    };
  }

  private Expr labelOffset(String label, int pc, SourcePosition at) {
    return new Expr.Int(BigInteger.valueOf(labelPc.applyAsInt(label) - (long) pc), at);
  }

  private EncodedInstruction assertEq(InstructionSyntax.AssertEq a, ApUpdate ap) {
    try {
      return assertEqOrdered(a.left(), a.right(), ap);
    } catch (AssemblyException first) {
      try {
        return assertEqOrdered(a.right(), a.left(), ap);
      } catch (AssemblyException ignored) {
        throw first;
      }
    }
  }

  private EncodedInstruction assertEqOrdered(Expr left, Expr right, ApUpdate ap) {
    // Inverse forms: a = b - c  ==>  b = a + c;  a = b / c  ==>  b = a * c.
    if (right instanceof Expr.Binary b
        && (b.op() == '/' || (b.op() == '-' && !Expr.isConstant(b.right())))) {
      char op = b.op() == '-' ? '+' : '*';
      return assertEqOrdered(b.left(), new Expr.Binary(op, left, b.right(), left.position()), ap);
    }
    Expr.Deref dst = deref(left, "the left side of '=' to be a memory cell [reg + off]");
    RegisterOffset d = registerOffset(dst.address());
    return withRes(d.offset, d.register, res(right), PcUpdate.REGULAR, ap, Opcode.ASSERT_EQ);
  }

  private EncodedInstruction jump(boolean relative, Res res, ApUpdate ap) {
    return withRes(
        -1, Register.FP, res, relative ? PcUpdate.JUMP_REL : PcUpdate.JUMP, ap, Opcode.NOP);
  }

  private EncodedInstruction jumpIfNotZero(Expr offset, Expr condition, ApUpdate ap) {
    RegisterOffset cond =
        registerOffset(deref(condition, "a memory cell [reg + off] as condition").address());
    Res op1 = op1(offset, "a constant or [reg + off] as jump offset");
    Instruction instruction =
        new Instruction(
            cond.offset,
            -1,
            op1.offOp1,
            cond.register,
            Register.FP,
            op1.op1Src,
            ResLogic.UNCONSTRAINED,
            PcUpdate.JNZ,
            ap,
            FpUpdate.REGULAR,
            Opcode.NOP);
    return encoded(instruction, op1.imm);
  }

  private EncodedInstruction call(boolean relative, Expr target) {
    Res op1 = op1(target, "a constant or [reg + off] as call target");
    Instruction instruction =
        new Instruction(
            0,
            1,
            op1.offOp1,
            Register.AP,
            Register.AP,
            op1.op1Src,
            ResLogic.OP1,
            relative ? PcUpdate.JUMP_REL : PcUpdate.JUMP,
            ApUpdate.ADD2,
            FpUpdate.AP_PLUS2,
            Opcode.CALL);
    return encoded(instruction, op1.imm);
  }

  private EncodedInstruction withRes(
      int offDst, Register dstReg, Res res, PcUpdate pc, ApUpdate ap, Opcode opcode) {
    Instruction instruction =
        new Instruction(
            offDst,
            res.offOp0,
            res.offOp1,
            dstReg,
            res.op0Reg,
            res.op1Src,
            res.logic,
            pc,
            ap,
            FpUpdate.REGULAR,
            opcode);
    return encoded(instruction, res.imm);
  }

  private static EncodedInstruction encoded(Instruction instruction, BigInteger imm) {
    return new EncodedInstruction(instruction, imm == null ? null : reduce(imm));
  }

  /** res := [reg + off] | [[reg + off] + off] | imm | [reg + off] (+|*) ([reg + off] | imm). */
  private Res res(Expr expr) {
    if (Expr.isConstant(expr)) {
      return op1(expr, "");
    }
    if (expr instanceof Expr.Deref d) {
      Expr address = d.address();
      boolean doubleDeref =
          address instanceof Expr.Deref
              || (address instanceof Expr.Binary b
                  && (b.op() == '+' || b.op() == '-')
                  && b.left() instanceof Expr.Deref);
      if (!doubleDeref) {
        return op1(expr, "");
      }
      Expr inner = address;
      int off2 = 0;
      if (address instanceof Expr.Binary b) {
        inner = b.left();
        off2 = offset(b);
      }
      RegisterOffset op0 = registerOffset(((Expr.Deref) inner).address());
      return new Res(op0.register, op0.offset, Op1Source.OP0, off2, null, ResLogic.OP1);
    }
    if (expr instanceof Expr.Binary b && (b.op() == '+' || b.op() == '*' || b.op() == '-')) {
      Expr right = b.right();
      ResLogic logic = b.op() == '*' ? ResLogic.MUL : ResLogic.ADD;
      if (b.op() == '-') {
        if (!Expr.isConstant(right)) {
          throw new AssemblyException(
              b.position(), "subtraction of a memory cell is only allowed as 'a = b - c'");
        }
        right = new Expr.Neg(right, right.position());
      }
      RegisterOffset op0 =
          registerOffset(deref(b.left(), "the first operand to be [reg + off]").address());
      Res op1 = op1(right, "the second operand to be [reg + off] or a constant");
      return new Res(op0.register, op0.offset, op1.op1Src, op1.offOp1, op1.imm, logic);
    }
    throw new AssemblyException(
        expr.position(),
        "expected [reg + off], [[reg + off] + off], a constant, or"
            + " [reg + off] + / * ([reg + off] or a constant)");
  }

  /** op1 alone: an immediate or [reg + off]; op0 gets the default [fp - 1]. */
  private Res op1(Expr expr, String expected) {
    if (Expr.isConstant(expr)) {
      return new Res(Register.FP, -1, Op1Source.IMM, 1, constants.evaluate(expr), ResLogic.OP1);
    }
    if (expr instanceof Expr.Deref d && !(d.address() instanceof Expr.Deref)) {
      RegisterOffset op1 = registerOffset(d.address());
      Op1Source source = op1.register == Register.FP ? Op1Source.FP : Op1Source.AP;
      return new Res(Register.FP, -1, source, op1.offset, null, ResLogic.OP1);
    }
    throw new AssemblyException(expr.position(), "expected " + expected);
  }

  private record RegisterOffset(Register register, int offset) {}

  /** reg | reg + const | reg - const, where reg may itself be such a sum ({@code fp + 1 - 2}). */
  private RegisterOffset registerOffset(Expr expr) {
    if (expr instanceof Expr.Reg r) {
      return new RegisterOffset(r.register(), 0);
    }
    if (expr instanceof Expr.Binary b
        && (b.op() == '+' || b.op() == '-')
        && !Expr.isConstant(b.left())
        && Expr.isConstant(b.right())) {
      RegisterOffset base = registerOffset(b.left());
      BigInteger total = BigInteger.valueOf(base.offset).add(signedOffset(b));
      return new RegisterOffset(base.register, checkRange(total, b.right().position()));
    }
    throw new AssemblyException(expr.position(), "expected 'ap' or 'fp' plus a constant offset");
  }

  /** The signed constant offset of {@code x + c} or {@code x - c}, checked against ±2^15. */
  private int offset(Expr.Binary b) {
    return checkRange(signedOffset(b), b.right().position());
  }

  private BigInteger signedOffset(Expr.Binary b) {
    BigInteger value = constant(b.right(), "offset");
    return b.op() == '-' ? value.negate() : value;
  }

  private static int checkRange(BigInteger value, SourcePosition at) {
    if (value.compareTo(BigInteger.valueOf(-OFFSET_LIMIT)) < 0
        || value.compareTo(BigInteger.valueOf(OFFSET_LIMIT)) >= 0) {
      throw new AssemblyException(at, "offset " + value + " is out of range [-2^15, 2^15)");
    }
    return value.intValue();
  }

  private BigInteger constant(Expr expr, String what) {
    if (!Expr.isConstant(expr)) {
      throw new AssemblyException(expr.position(), "expected a constant " + what);
    }
    return constants.evaluate(expr);
  }

  private static Expr.Deref deref(Expr expr, String expected) {
    if (expr instanceof Expr.Deref d) {
      return d;
    }
    throw new AssemblyException(expr.position(), "expected " + expected);
  }

  private static BigInteger reduce(BigInteger value) {
    return value.mod(EncodedInstruction.PRIME);
  }
}
