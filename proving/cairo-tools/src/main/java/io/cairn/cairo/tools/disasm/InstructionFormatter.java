package io.cairn.cairo.tools.disasm;

import io.cairn.cairo.vm.Instruction;
import io.cairn.cairo.vm.Instruction.ApUpdate;
import io.cairn.cairo.vm.Instruction.Op1Source;
import io.cairn.cairo.vm.Instruction.PcUpdate;
import io.cairn.cairo.vm.Instruction.Register;
import io.cairn.cairo.vm.Instruction.ResLogic;
import io.cairn.cairo.vm.program.CairoProgram;
import java.math.BigInteger;
import java.util.function.IntFunction;

/**
 * Prints one decoded instruction in Cairo 0 assembly syntax.
 *
 * <p>The text is the canonical form the assembler accepts; whether it assembles back to the same
 * words is checked by {@link Disassembler}, which falls back to {@code dw} when it does not. A
 * relative {@code jmp}/{@code call} with an immediate is printed with a label when {@code labelAt}
 * names its target.
 */
final class InstructionFormatter {

  private static final BigInteger HALF_PRIME = CairoProgram.PRIME.shiftRight(1);
  private static final BigInteger PRINT_AS_DECIMAL_BELOW = BigInteger.ONE.shiftLeft(64);

  private InstructionFormatter() {}

  /**
   * The instruction's text, or null if it has no assembly form (for example a no-op).
   *
   * @param imm the word after the instruction when op1 is an immediate, else null
   * @param pc the instruction's pc, to compute jump targets
   * @param labelAt a name for a pc, or null where there is none
   */
  static String format(Instruction in, BigInteger imm, int pc, IntFunction<String> labelAt) {
    String ap = in.apUpdate() == ApUpdate.ADD1 ? ", ap++" : "";
    return switch (in.opcode()) {
      case RET -> "ret";
      case ASSERT_EQ -> {
        String res = res(in, imm);
        yield res == null ? null : cell(in.dstReg(), in.offDst()) + " = " + res + ap;
      }
      case CALL -> {
        String label = relativeLabel(in, imm, pc, labelAt);
        String op1 = in.op1Src() == Op1Source.OP0 ? null : op1(in, imm);
        yield label != null ? "call " + label : op1 == null ? null : "call " + mode(in) + op1;
      }
      case NOP -> nop(in, imm, pc, labelAt, ap);
    };
  }

  private static String nop(
      Instruction in, BigInteger imm, int pc, IntFunction<String> labelAt, String ap) {
    String label = relativeLabel(in, imm, pc, labelAt);
    return switch (in.pcUpdate()) {
      case JNZ -> {
        String op1 = in.op1Src() == Op1Source.OP0 ? null : op1(in, imm);
        String condition = " if " + cell(in.dstReg(), in.offDst()) + " != 0";
        yield label != null
            ? "jmp " + label + condition + ap
            : op1 == null ? null : "jmp rel " + op1 + condition + ap;
      }
      case JUMP, JUMP_REL -> {
        String res = res(in, imm);
        yield label != null
            ? "jmp " + label + ap
            : res == null ? null : "jmp " + mode(in) + res + ap;
      }
      case REGULAR -> {
        String res = res(in, imm);
        yield in.apUpdate() == ApUpdate.ADD && res != null ? "ap += " + res : null;
      }
    };
  }

  private static String mode(Instruction in) {
    return in.pcUpdate() == PcUpdate.JUMP ? "abs " : "rel ";
  }

  /** The label for a relative jump or call with an immediate offset, if the target has one. */
  private static String relativeLabel(
      Instruction in, BigInteger imm, int pc, IntFunction<String> labelAt) {
    boolean relative = in.pcUpdate() == PcUpdate.JUMP_REL || in.pcUpdate() == PcUpdate.JNZ;
    if (!relative
        || in.op1Src() != Op1Source.IMM
        || imm == null
        || (in.pcUpdate() == PcUpdate.JUMP_REL && in.resLogic() != ResLogic.OP1)) {
      return null;
    }
    BigInteger target = BigInteger.valueOf(pc).add(signed(imm));
    if (target.signum() < 0 || target.bitLength() > 30) {
      return null;
    }
    return labelAt.apply(target.intValue());
  }

  private static String res(Instruction in, BigInteger imm) {
    return switch (in.resLogic()) {
      case OP1 -> op1(in, imm);
      case ADD, MUL -> {
        if (in.op1Src() == Op1Source.OP0) {
          yield null;
        }
        String op = in.resLogic() == ResLogic.ADD ? " + " : " * ";
        String op1 = op1(in, imm);
        if (op1 != null && op1.startsWith("-")) {
          op1 = "(" + op1 + ")";
        }
        yield op1 == null ? null : cell(in.op0Reg(), in.offOp0()) + op + op1;
      }
      case UNCONSTRAINED -> null;
    };
  }

  private static String op1(Instruction in, BigInteger imm) {
    return switch (in.op1Src()) {
      case IMM -> imm == null ? null : immediate(imm);
      case FP -> cell(Register.FP, in.offOp1());
      case AP -> cell(Register.AP, in.offOp1());
      case OP0 -> "[" + cell(in.op0Reg(), in.offOp0()) + offset(in.offOp1()) + "]";
    };
  }

  static String cell(Register register, int offset) {
    return "[" + (register == Register.AP ? "ap" : "fp") + offset(offset) + "]";
  }

  private static String offset(int offset) {
    if (offset == 0) {
      return "";
    }
    return offset > 0 ? " + " + offset : " - " + (-(long) offset);
  }

  /** A field element as a signed integer: values above P/2 print as negative numbers. */
  static String immediate(BigInteger value) {
    BigInteger signed = signed(value);
    return signed.abs().compareTo(PRINT_AS_DECIMAL_BELOW) < 0
        ? signed.toString()
        : (signed.signum() < 0 ? "-0x" : "0x") + signed.abs().toString(16);
  }

  private static BigInteger signed(BigInteger value) {
    return value.compareTo(HALF_PRIME) > 0 ? value.subtract(CairoProgram.PRIME) : value;
  }
}
