package io.cairn.bench.vm;

import io.cairn.cairo.vm.Instruction;
import io.cairn.cairo.vm.Instruction.ApUpdate;
import io.cairn.cairo.vm.Instruction.FpUpdate;
import io.cairn.cairo.vm.Instruction.Op1Source;
import io.cairn.cairo.vm.Instruction.Opcode;
import io.cairn.cairo.vm.Instruction.PcUpdate;
import io.cairn.cairo.vm.Instruction.Register;
import io.cairn.cairo.vm.Instruction.ResLogic;
import io.cairn.cairo.vm.program.CairoProgram;
import io.cairn.cairo.vm.program.ProgramLoadException;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A tight Fibonacci loop, 4 steps per iteration ({@code b' = b; a+b; n-1; jnz}), assembled from
 * {@link Instruction} records so the benchmark needs no files.
 */
final class FibonacciLoopProgram {
  private FibonacciLoopProgram() {}

  /** A program whose main runs {@code iterations} loop iterations: 4·iterations + 4 steps. */
  static CairoProgram build(long iterations) {
    List<String> data = new ArrayList<>();
    push(data, 1);
    push(data, 1);
    push(data, iterations);
    // loop (pc 6): [ap] = [ap-2]; ap++
    word(
        data,
        new Instruction(
            0,
            -1,
            -2,
            Register.AP,
            Register.AP,
            Op1Source.AP,
            ResLogic.OP1,
            PcUpdate.REGULAR,
            ApUpdate.ADD1,
            FpUpdate.REGULAR,
            Opcode.ASSERT_EQ));
    // [ap] = [ap-4] + [ap-3]; ap++
    word(
        data,
        new Instruction(
            0,
            -4,
            -3,
            Register.AP,
            Register.AP,
            Op1Source.AP,
            ResLogic.ADD,
            PcUpdate.REGULAR,
            ApUpdate.ADD1,
            FpUpdate.REGULAR,
            Opcode.ASSERT_EQ));
    // [ap] = [ap-3] + (-1); ap++
    word(
        data,
        new Instruction(
            0,
            -3,
            1,
            Register.AP,
            Register.AP,
            Op1Source.IMM,
            ResLogic.ADD,
            PcUpdate.REGULAR,
            ApUpdate.ADD1,
            FpUpdate.REGULAR,
            Opcode.ASSERT_EQ));
    data.add(felt(-1));
    // jmp rel -4 if [ap-1] != 0
    word(
        data,
        new Instruction(
            -1,
            -1,
            1,
            Register.AP,
            Register.FP,
            Op1Source.IMM,
            ResLogic.UNCONSTRAINED,
            PcUpdate.JNZ,
            ApUpdate.REGULAR,
            FpUpdate.REGULAR,
            Opcode.NOP));
    data.add(felt(-4));
    // ret
    word(
        data,
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
            Opcode.RET));
    StringBuilder words = new StringBuilder();
    for (String w : data) {
      words.append(words.length() == 0 ? "" : ",").append('"').append(w).append('"');
    }
    String json =
        ("{\"prime\": \"0x800000000000011000000000000000000000000000000000000000000000001\","
                + " \"data\": [%s], \"builtins\": [], \"hints\": {}, \"main_scope\": \"__main__\","
                + " \"identifiers\": {\"__main__.main\": {\"type\": \"function\", \"pc\": 0}},"
                + " \"reference_manager\": {\"references\": []}}")
            .formatted(words);
    try {
      return CairoProgram.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    } catch (ProgramLoadException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void push(List<String> data, long value) {
    word(
        data,
        new Instruction(
            0,
            -1,
            1,
            Register.AP,
            Register.FP,
            Op1Source.IMM,
            ResLogic.OP1,
            PcUpdate.REGULAR,
            ApUpdate.ADD1,
            FpUpdate.REGULAR,
            Opcode.ASSERT_EQ));
    data.add(felt(value));
  }

  private static void word(List<String> data, Instruction ins) {
    data.add("0x" + Long.toHexString(ins.encode()));
  }

  private static String felt(long v) {
    BigInteger x = BigInteger.valueOf(v).mod(CairoProgram.PRIME);
    return "0x" + x.toString(16);
  }
}
