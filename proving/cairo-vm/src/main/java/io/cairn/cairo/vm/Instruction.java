package io.cairn.cairo.vm;

/**
 * One decoded Cairo instruction (whitepaper §4.4, cairo-lang {@code encode.py}).
 *
 * <p>An encoded instruction is a 63-bit word: three 16-bit offsets biased by 2^15 at bits 0, 16 and
 * 32, then 15 flag bits at 48..62. Bit 63 must be zero. {@link #decode} rejects flag combinations
 * that have no meaning; {@link #encode} is its exact inverse, so {@code decode(x).encode() == x}
 * for every valid word.
 *
 * <p>The decoded form already applies cairo-lang's implicit rules: a {@code jnz} has {@link
 * ResLogic#UNCONSTRAINED} result, a {@code call} updates ap by 2 and sets fp to ap + 2, a {@code
 * ret} sets fp from dst.
 *
 * @param offDst signed offset of dst, in [-2^15, 2^15)
 * @param offOp0 signed offset of op0
 * @param offOp1 signed offset of op1
 * @param dstReg register dst is relative to
 * @param op0Reg register op0 is relative to
 * @param op1Src what op1 is relative to
 * @param resLogic how res is computed
 * @param pcUpdate how pc is updated
 * @param apUpdate how ap is updated
 * @param fpUpdate how fp is updated
 * @param opcode the opcode
 */
public record Instruction(
    int offDst,
    int offOp0,
    int offOp1,
    Register dstReg,
    Register op0Reg,
    Op1Source op1Src,
    ResLogic resLogic,
    PcUpdate pcUpdate,
    ApUpdate apUpdate,
    FpUpdate fpUpdate,
    Opcode opcode) {

  /** A register an operand address is relative to. */
  public enum Register {
    AP,
    FP
  }

  /** The base of op1's address. */
  public enum Op1Source {
    /** op1 = [op0 + off_op1]. */
    OP0,
    /** op1 = [pc + off_op1]: the immediate that follows the instruction. */
    IMM,
    /** op1 = [fp + off_op1]. */
    FP,
    /** op1 = [ap + off_op1]. */
    AP
  }

  /** How res is computed. */
  public enum ResLogic {
    OP1,
    ADD,
    MUL,
    /** Only for jnz: res is not used. */
    UNCONSTRAINED
  }

  /** How pc is updated. */
  public enum PcUpdate {
    /** pc += instruction size. */
    REGULAR,
    /** pc = res (absolute jump). */
    JUMP,
    /** pc += res. */
    JUMP_REL,
    /** pc += op1 if dst != 0, else pc += instruction size. */
    JNZ
  }

  /** How ap is updated. */
  public enum ApUpdate {
    REGULAR,
    /** ap += res. */
    ADD,
    ADD1,
    /** Implicit for call. */
    ADD2
  }

  /** How fp is updated (implied by the opcode). */
  public enum FpUpdate {
    REGULAR,
    /** call: fp = ap + 2. */
    AP_PLUS2,
    /** ret: fp = dst. */
    DST
  }

  /** The opcode. */
  public enum Opcode {
    NOP,
    ASSERT_EQ,
    CALL,
    RET
  }

  private static final int OFFSET_BIAS = 1 << 15;
  private static final int FLAGS_SHIFT = 48;

  private static final int DST_REG = 0;
  private static final int OP0_REG = 1;
  private static final int OP1_IMM = 2;
  private static final int OP1_FP = 3;
  private static final int OP1_AP = 4;
  private static final int RES_ADD = 5;
  private static final int RES_MUL = 6;
  private static final int PC_JUMP_ABS = 7;
  private static final int PC_JUMP_REL = 8;
  private static final int PC_JNZ = 9;
  private static final int AP_ADD = 10;
  private static final int AP_ADD1 = 11;
  private static final int OPCODE_CALL = 12;
  private static final int OPCODE_RET = 13;
  private static final int OPCODE_ASSERT_EQ = 14;

  /** Validates the offsets' range and the null-ness of every field. */
  public Instruction {
    checkOffset(offDst);
    checkOffset(offOp0);
    checkOffset(offOp1);
    if (dstReg == null
        || op0Reg == null
        || op1Src == null
        || resLogic == null
        || pcUpdate == null
        || apUpdate == null
        || fpUpdate == null
        || opcode == null) {
      throw new IllegalArgumentException("instruction fields must not be null");
    }
  }

  private static void checkOffset(int off) {
    if (off < -OFFSET_BIAS || off >= OFFSET_BIAS) {
      throw new IllegalArgumentException("offset out of range [-2^15, 2^15): " + off);
    }
  }

  /** The number of words the instruction occupies: 2 with an immediate, else 1. */
  public int size() {
    return op1Src == Op1Source.IMM ? 2 : 1;
  }

  /**
   * Decodes a 63-bit instruction word.
   *
   * @throws InvalidInstructionException if bit 63 is set or the flags are an invalid combination
   */
  public static Instruction decode(long encoding) {
    if (encoding < 0) {
      throw new InvalidInstructionException(
          "instruction word has bit 63 set: 0x" + Long.toUnsignedString(encoding, 16));
    }
    int offDst = (int) (encoding & 0xFFFF) - OFFSET_BIAS;
    int offOp0 = (int) ((encoding >>> 16) & 0xFFFF) - OFFSET_BIAS;
    int offOp1 = (int) ((encoding >>> 32) & 0xFFFF) - OFFSET_BIAS;
    int flags = (int) (encoding >>> FLAGS_SHIFT);

    Register dstReg = bit(flags, DST_REG) ? Register.FP : Register.AP;
    Register op0Reg = bit(flags, OP0_REG) ? Register.FP : Register.AP;

    Op1Source op1Src =
        switch (bits3(flags, OP1_IMM)) {
          case 0 -> Op1Source.OP0;
          case 1 -> Op1Source.IMM;
          case 2 -> Op1Source.FP;
          case 4 -> Op1Source.AP;
          default -> throw invalid(encoding, "more than one op1 source flag");
        };

    PcUpdate pcUpdate =
        switch (bits3(flags, PC_JUMP_ABS)) {
          case 0 -> PcUpdate.REGULAR;
          case 1 -> PcUpdate.JUMP;
          case 2 -> PcUpdate.JUMP_REL;
          case 4 -> PcUpdate.JNZ;
          default -> throw invalid(encoding, "more than one pc update flag");
        };

    ResLogic resLogic =
        switch ((flags >>> RES_ADD) & 3) {
          case 0 -> pcUpdate == PcUpdate.JNZ ? ResLogic.UNCONSTRAINED : ResLogic.OP1;
          case 1 -> ResLogic.ADD;
          case 2 -> ResLogic.MUL;
          default -> throw invalid(encoding, "both res flags set");
        };
    if (pcUpdate == PcUpdate.JNZ && resLogic != ResLogic.UNCONSTRAINED) {
      throw invalid(encoding, "jnz with a res logic flag");
    }

    Opcode opcode =
        switch (bits3(flags, OPCODE_CALL)) {
          case 0 -> Opcode.NOP;
          case 1 -> Opcode.CALL;
          case 2 -> Opcode.RET;
          case 4 -> Opcode.ASSERT_EQ;
          default -> throw invalid(encoding, "more than one opcode flag");
        };

    ApUpdate apUpdate =
        switch ((flags >>> AP_ADD) & 3) {
          case 0 -> opcode == Opcode.CALL ? ApUpdate.ADD2 : ApUpdate.REGULAR;
          case 1 -> ApUpdate.ADD;
          case 2 -> ApUpdate.ADD1;
          default -> throw invalid(encoding, "both ap update flags set");
        };
    if (opcode == Opcode.CALL && apUpdate != ApUpdate.ADD2) {
      throw invalid(encoding, "call with an ap update flag");
    }

    FpUpdate fpUpdate =
        switch (opcode) {
          case CALL -> FpUpdate.AP_PLUS2;
          case RET -> FpUpdate.DST;
          default -> FpUpdate.REGULAR;
        };

    return new Instruction(
        offDst, offOp0, offOp1, dstReg, op0Reg, op1Src, resLogic, pcUpdate, apUpdate, fpUpdate,
        opcode);
  }

  /**
   * Encodes this instruction back to its 63-bit word.
   *
   * @throws InvalidInstructionException if the fields cannot be encoded (for example a call whose
   *     ap update is not ADD2, or a fp update that does not match the opcode)
   */
  public long encode() {
    long flags = 0;
    if (dstReg == Register.FP) {
      flags |= 1L << DST_REG;
    }
    if (op0Reg == Register.FP) {
      flags |= 1L << OP0_REG;
    }
    flags |=
        switch (op1Src) {
          case OP0 -> 0L;
          case IMM -> 1L << OP1_IMM;
          case FP -> 1L << OP1_FP;
          case AP -> 1L << OP1_AP;
        };
    if ((resLogic == ResLogic.UNCONSTRAINED) != (pcUpdate == PcUpdate.JNZ)) {
      throw new InvalidInstructionException(
          "res logic UNCONSTRAINED goes with jnz and only with jnz: " + this);
    }
    flags |=
        switch (resLogic) {
          case OP1, UNCONSTRAINED -> 0L;
          case ADD -> 1L << RES_ADD;
          case MUL -> 1L << RES_MUL;
        };
    flags |=
        switch (pcUpdate) {
          case REGULAR -> 0L;
          case JUMP -> 1L << PC_JUMP_ABS;
          case JUMP_REL -> 1L << PC_JUMP_REL;
          case JNZ -> 1L << PC_JNZ;
        };
    if ((apUpdate == ApUpdate.ADD2) != (opcode == Opcode.CALL)) {
      throw new InvalidInstructionException(
          "ap update ADD2 goes with call and only with call: " + this);
    }
    flags |=
        switch (apUpdate) {
          case REGULAR, ADD2 -> 0L;
          case ADD -> 1L << AP_ADD;
          case ADD1 -> 1L << AP_ADD1;
        };
    FpUpdate expectedFp =
        switch (opcode) {
          case CALL -> FpUpdate.AP_PLUS2;
          case RET -> FpUpdate.DST;
          default -> FpUpdate.REGULAR;
        };
    if (fpUpdate != expectedFp) {
      throw new InvalidInstructionException(
          "fp update " + fpUpdate + " does not match opcode " + opcode);
    }
    flags |=
        switch (opcode) {
          case NOP -> 0L;
          case CALL -> 1L << OPCODE_CALL;
          case RET -> 1L << OPCODE_RET;
          case ASSERT_EQ -> 1L << OPCODE_ASSERT_EQ;
        };
    return (flags << FLAGS_SHIFT)
        | ((long) (offOp1 + OFFSET_BIAS) << 32)
        | ((long) (offOp0 + OFFSET_BIAS) << 16)
        | (offDst + OFFSET_BIAS);
  }

  private static boolean bit(int flags, int index) {
    return ((flags >>> index) & 1) != 0;
  }

  private static int bits3(int flags, int index) {
    return (flags >>> index) & 7;
  }

  private static InvalidInstructionException invalid(long encoding, String why) {
    return new InvalidInstructionException(
        "invalid instruction 0x" + Long.toHexString(encoding) + ": " + why);
  }
}
