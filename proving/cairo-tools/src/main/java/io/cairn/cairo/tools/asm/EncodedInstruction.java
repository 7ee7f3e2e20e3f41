package io.cairn.cairo.tools.asm;

import io.cairn.cairo.vm.Instruction;
import io.cairn.cairo.vm.program.CairoProgram;
import java.math.BigInteger;
import java.util.List;

/**
 * The words one source instruction assembles to: an instruction and its optional immediate, or a
 * single data word ({@code dw}).
 *
 * @param instruction the instruction, or null for a data word
 * @param value the immediate (reduced modulo P) when op1 is an immediate, the data word for {@code
 *     dw}, otherwise null
 */
public record EncodedInstruction(Instruction instruction, BigInteger value) {

  /** The field prime P = 2^251 + 17·2^192 + 1. */
  public static final BigInteger PRIME = CairoProgram.PRIME;

  /** The words in program order. */
  public List<BigInteger> words() {
    if (instruction == null) {
      return List.of(value);
    }
    BigInteger word = BigInteger.valueOf(instruction.encode());
    return value == null ? List.of(word) : List.of(word, value);
  }

  /** Number of words: 1 or 2. */
  public int size() {
    return instruction == null || value == null ? 1 : 2;
  }
}
