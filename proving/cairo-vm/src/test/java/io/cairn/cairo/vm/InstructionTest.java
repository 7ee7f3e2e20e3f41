package io.cairn.cairo.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cairn.cairo.vm.Instruction.ApUpdate;
import io.cairn.cairo.vm.Instruction.FpUpdate;
import io.cairn.cairo.vm.Instruction.Op1Source;
import io.cairn.cairo.vm.Instruction.Opcode;
import io.cairn.cairo.vm.Instruction.PcUpdate;
import io.cairn.cairo.vm.Instruction.Register;
import io.cairn.cairo.vm.Instruction.ResLogic;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstructionTest {

  @Test
  void decodesRet() {
    Instruction ret = Instruction.decode(0x208b7fff7fff7ffeL);
    assertEquals(Opcode.RET, ret.opcode());
    assertEquals(-2, ret.offDst());
    assertEquals(Register.FP, ret.dstReg());
    assertEquals(PcUpdate.JUMP, ret.pcUpdate());
    assertEquals(FpUpdate.DST, ret.fpUpdate());
    assertEquals(-1, ret.offOp1());
    assertEquals(Op1Source.FP, ret.op1Src());
    assertEquals(0x208b7fff7fff7ffeL, ret.encode());
  }

  @Test
  void decodesCallRel() {
    Instruction call = Instruction.decode(0x1104800180018000L);
    assertEquals(Opcode.CALL, call.opcode());
    assertEquals(ApUpdate.ADD2, call.apUpdate());
    assertEquals(FpUpdate.AP_PLUS2, call.fpUpdate());
    assertEquals(PcUpdate.JUMP_REL, call.pcUpdate());
    assertEquals(Op1Source.IMM, call.op1Src());
    assertEquals(0, call.offDst());
    assertEquals(1, call.offOp0());
    assertEquals(1, call.offOp1());
    assertEquals(2, call.size());
  }

  @Test
  void decodesJmpRelZero() {
    Instruction jmp = Instruction.decode(0x010780017fff7fffL);
    assertEquals(PcUpdate.JUMP_REL, jmp.pcUpdate());
    assertEquals(Op1Source.IMM, jmp.op1Src());
    assertEquals(ResLogic.OP1, jmp.resLogic());
    assertEquals(ApUpdate.REGULAR, jmp.apUpdate());
  }

  @Test
  void decodesJnzAsUnconstrained() {
    // jmp rel 5 if [ap-1] != 0
    Instruction jnz = Instruction.decode(0x020680017fff7fffL);
    assertEquals(PcUpdate.JNZ, jnz.pcUpdate());
    assertEquals(ResLogic.UNCONSTRAINED, jnz.resLogic());
    assertEquals(-1, jnz.offDst());
  }

  @Test
  void rejectsBit63() {
    assertThrows(InvalidInstructionException.class, () -> Instruction.decode(0x8000000000000000L));
  }

  @Test
  void rejectsInvalidFlagCombinations() {
    long base = 0x7fff7fff7fffL;
    assertThrows(InvalidInstructionException.class, () -> Instruction.decode(base | (3L << 50)));
    assertThrows(InvalidInstructionException.class, () -> Instruction.decode(base | (3L << 53)));
    assertThrows(InvalidInstructionException.class, () -> Instruction.decode(base | (3L << 55)));
    assertThrows(InvalidInstructionException.class, () -> Instruction.decode(base | (3L << 58)));
    assertThrows(InvalidInstructionException.class, () -> Instruction.decode(base | (3L << 60)));
    // jnz with res add
    assertThrows(
        InvalidInstructionException.class,
        () -> Instruction.decode(base | (1L << 57) | (1L << 53)));
    // call with ap++
    assertThrows(
        InvalidInstructionException.class,
        () -> Instruction.decode(base | (1L << 60) | (1L << 59)));
  }

  @Test
  void everyValidFlagCombinationRoundTrips() {
    SplittableRandom random = new SplittableRandom(42);
    int valid = 0;
    for (long flags = 0; flags < (1L << 15); flags++) {
      long offsets = random.nextLong() & 0xFFFFFFFFFFFFL;
      long word = (flags << 48) | offsets;
      Instruction decoded;
      try {
        decoded = Instruction.decode(word);
      } catch (InvalidInstructionException e) {
        continue;
      }
      valid++;
      assertEquals(word, decoded.encode(), () -> "round trip of 0x" + Long.toHexString(word));
    }
    // 4 (regs) * 4 (op1) * 4 pc * (3 res, or 1 for jnz) * (3 ap * 3 opcodes + 1 call)
    assertEquals(4 * 4 * (3 * 3 + 1) * (3 * 3 + 1), valid);
  }

  @Test
  void encodeRejectsInconsistentFields() {
    Instruction bad =
        new Instruction(
            0,
            0,
            1,
            Register.AP,
            Register.AP,
            Op1Source.IMM,
            ResLogic.OP1,
            PcUpdate.REGULAR,
            ApUpdate.ADD2,
            FpUpdate.REGULAR,
            Opcode.ASSERT_EQ);
    assertThrows(InvalidInstructionException.class, bad::encode);
  }
}
