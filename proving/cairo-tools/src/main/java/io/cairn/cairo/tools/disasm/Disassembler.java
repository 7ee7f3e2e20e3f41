package io.cairn.cairo.tools.disasm;

import io.cairn.cairo.tools.asm.Assembler;
import io.cairn.cairo.tools.asm.AssemblyException;
import io.cairn.cairo.vm.Instruction;
import io.cairn.cairo.vm.Instruction.Op1Source;
import io.cairn.cairo.vm.InvalidInstructionException;
import io.cairn.cairo.vm.program.BuiltinName;
import io.cairn.cairo.vm.program.CairoProgram;
import io.cairn.cairo.vm.program.HintSite;
import io.cairn.math.Felt;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints a compiled Cairo 0 program as instruction-level assembly that {@link Assembler} accepts.
 *
 * <p>Functions and labels come from the program's identifiers; relative jumps and calls to a named
 * pc are printed with the name. Hints are printed as comments, so reassembling drops them. Every
 * printed instruction is checked by assembling it again: a word that does not come back identical
 * (data, or an instruction with non-canonical unused fields) is printed as {@code dw}. So for a
 * program without hints, {@code assemble(disassemble(p)).data()} equals {@code p.data()}.
 */
public final class Disassembler {

  private static final int PC_COMMENT_COLUMN = 48;

  private final CairoProgram program;
  private final List<BigInteger> words;
  private final LabelNames names;
  private final StringBuilder out = new StringBuilder();

  private Disassembler(CairoProgram program) {
    this.program = program;
    this.words = program.data().stream().map(Felt::toBigInteger).toList();
    this.names = new LabelNames(program);
  }

  /** The program as assembly text. */
  public static String disassemble(CairoProgram program) {
    Disassembler d = new Disassembler(program);
    d.run();
    return d.out.toString();
  }

  private void run() {
    out.append("// ").append(words.size()).append(" words");
    if (!program.builtins().isEmpty()) {
      out.append("\n%builtins ")
          .append(
              program.builtins().stream()
                  .map(BuiltinName::programName)
                  .collect(Collectors.joining(" ")));
    }
    out.append('\n');
    boolean inFunction = false;
    int pc = 0;
    while (pc < words.size()) {
      LabelNames.FunctionHeader header = names.functionAt(pc);
      if (header != null) {
        if (inFunction) {
          out.append("}\n");
        }
        out.append('\n').append(header.declaration()).append(" {\n");
        inFunction = true;
      }
      String indent = inFunction ? "    " : "";
      for (String label : names.labelsAt(pc)) {
        out.append(inFunction ? "  " : "").append(label).append(":\n");
      }
      for (HintSite hint : program.hints().getOrDefault(pc, List.of())) {
        for (String line : hint.code().split("\n", -1)) {
          out.append(indent)
              .append("// hint:")
              .append(line.isEmpty() ? "" : " " + line)
              .append('\n');
        }
      }
      pc += printInstructionAt(pc, indent);
    }
    if (inFunction) {
      out.append("}\n");
    }
  }

  /** Prints the instruction (or data word) at pc and returns how many words it used. */
  private int printInstructionAt(int pc, String indent) {
    BigInteger word = words.get(pc);
    String text = null;
    int size = 1;
    Instruction instruction = decode(word);
    if (instruction != null) {
      size = instruction.size();
      boolean fits = pc + size <= words.size() && (size == 1 || names.isFreeForImmediate(pc + 1));
      if (fits) {
        BigInteger imm = size == 2 ? words.get(pc + 1) : null;
        String numeric = InstructionFormatter.format(instruction, imm, pc, target -> null);
        if (numeric != null && reassemblesTo(numeric, words.subList(pc, pc + size))) {
          text = InstructionFormatter.format(instruction, imm, pc, names.referenceFrom(pc));
        }
      }
    }
    if (text == null) {
      text = "dw " + hex(word);
      size = 1;
    }
    line(indent + text, pc);
    return size;
  }

  private static Instruction decode(BigInteger word) {
    if (word.bitLength() > 63) {
      return null;
    }
    try {
      Instruction instruction = Instruction.decode(word.longValueExact());
      return instruction.op1Src() == Op1Source.IMM || instruction.size() == 1 ? instruction : null;
    } catch (InvalidInstructionException e) {
      return null;
    }
  }

  private static boolean reassemblesTo(String text, List<BigInteger> expected) {
    try {
      return Assembler.assemble(text).data().equals(expected);
    } catch (AssemblyException e) {
      return false;
    }
  }

  private void line(String text, int pc) {
    out.append(text);
    int pad = Math.max(1, PC_COMMENT_COLUMN - text.length());
    out.append(" ".repeat(pad)).append("// pc ").append(pc).append('\n');
  }

  private static String hex(BigInteger word) {
    return "0x" + word.toString(16);
  }
}
