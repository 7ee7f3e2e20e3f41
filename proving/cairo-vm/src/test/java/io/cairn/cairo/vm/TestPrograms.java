package io.cairn.cairo.vm;

import io.cairn.cairo.vm.Instruction.ApUpdate;
import io.cairn.cairo.vm.Instruction.FpUpdate;
import io.cairn.cairo.vm.Instruction.Op1Source;
import io.cairn.cairo.vm.Instruction.Opcode;
import io.cairn.cairo.vm.Instruction.PcUpdate;
import io.cairn.cairo.vm.Instruction.Register;
import io.cairn.cairo.vm.Instruction.ResLogic;
import io.cairn.cairo.vm.program.CairoProgram;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Small programs assembled in tests from {@link Instruction} records. */
final class TestPrograms {
  private TestPrograms() {}

  static Instruction assertEq(
      Register dst,
      int offDst,
      Register op0,
      int offOp0,
      Op1Source src,
      int offOp1,
      ResLogic res,
      ApUpdate ap) {
    return new Instruction(
        offDst,
        offOp0,
        offOp1,
        dst,
        op0,
        src,
        res,
        PcUpdate.REGULAR,
        ap,
        FpUpdate.REGULAR,
        Opcode.ASSERT_EQ);
  }

  static final Instruction RET =
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
          Opcode.RET);

  /**
   * {@code main{output_ptr}(input_len, input)}: writes input[0] + input[1] to the output; with a
   * proof-mode prologue {@code __start__: ap += 3; call main; __end__: jmp rel 0}.
   */
  static CairoProgram sumTwoInputs() throws Exception {
    List<String> data = new ArrayList<>();
    add(
        data,
        assertEq(Register.AP, 0, Register.FP, -3, Op1Source.OP0, 0, ResLogic.OP1, ApUpdate.ADD1));
    add(
        data,
        assertEq(Register.AP, 0, Register.FP, -3, Op1Source.OP0, 1, ResLogic.OP1, ApUpdate.ADD1));
    add(
        data,
        assertEq(Register.AP, 0, Register.AP, -1, Op1Source.AP, -2, ResLogic.ADD, ApUpdate.ADD1));
    add(
        data,
        assertEq(
            Register.AP, -1, Register.FP, -5, Op1Source.OP0, 0, ResLogic.OP1, ApUpdate.REGULAR));
    add(
        data,
        assertEq(Register.AP, 0, Register.FP, -5, Op1Source.IMM, 1, ResLogic.ADD, ApUpdate.ADD1));
    data.add("0x1");
    add(data, RET); // pc 6
    // __start__ (pc 7): ap += 3
    add(
        data,
        new Instruction(
            -1,
            -1,
            1,
            Register.FP,
            Register.FP,
            Op1Source.IMM,
            ResLogic.OP1,
            PcUpdate.REGULAR,
            ApUpdate.ADD,
            FpUpdate.REGULAR,
            Opcode.NOP));
    data.add("0x3");
    // pc 9: call rel -9
    add(
        data,
        new Instruction(
            0,
            1,
            1,
            Register.AP,
            Register.AP,
            Op1Source.IMM,
            ResLogic.OP1,
            PcUpdate.JUMP_REL,
            ApUpdate.ADD2,
            FpUpdate.AP_PLUS2,
            Opcode.CALL));
    data.add("-9");
    // __end__ (pc 11): jmp rel 0
    add(
        data,
        new Instruction(
            -1,
            -1,
            1,
            Register.FP,
            Register.FP,
            Op1Source.IMM,
            ResLogic.OP1,
            PcUpdate.JUMP_REL,
            ApUpdate.REGULAR,
            FpUpdate.REGULAR,
            Opcode.NOP));
    data.add("0x0");
    String identifiers =
        """
        "__main__.main": {"type": "function", "pc": 0, "decorators": []},
        "__main__.main.Args": {"type": "struct", "full_name": "__main__.main.Args", "size": 2,
          "members": {"input_len": {"cairo_type": "felt", "offset": 0},
                      "input": {"cairo_type": "felt*", "offset": 1}}},
        "__main__.main.ImplicitArgs": {"type": "struct", "full_name": "__main__.main.ImplicitArgs",
          "size": 1, "members": {"output_ptr": {"cairo_type": "felt*", "offset": 0}}},
        "__main__.__start__": {"type": "label", "pc": 7},
        "__main__.__end__": {"type": "label", "pc": 11}
        """;
    return program(data, "\"output\"", identifiers);
  }

  static void add(List<String> data, Instruction ins) {
    data.add("0x" + Long.toHexString(ins.encode()));
  }

  static CairoProgram program(List<String> data, String builtins, String identifiers)
      throws Exception {
    StringBuilder words = new StringBuilder();
    for (String w : data) {
      if (words.length() > 0) {
        words.append(", ");
      }
      String v = w.startsWith("-") ? negate(w) : w;
      words.append('"').append(v).append('"');
    }
    String json =
        """
        {"prime": "0x800000000000011000000000000000000000000000000000000000000000001",
         "data": [%s], "builtins": [%s], "hints": {}, "main_scope": "__main__",
         "identifiers": {%s}, "reference_manager": {"references": []}}
        """
            .formatted(words, builtins, identifiers);
    return CairoProgram.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static String negate(String w) {
    java.math.BigInteger p = CairoProgram.PRIME;
    return "0x" + p.subtract(new java.math.BigInteger(w.substring(1))).toString(16);
  }
}
