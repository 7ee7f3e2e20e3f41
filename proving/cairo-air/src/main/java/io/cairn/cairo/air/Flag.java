package io.cairn.cairo.air;

/**
 * The fifteen instruction flags of a Cairo instruction, by bit position in the flag word (bits
 * 48..62 of the instruction; bit 63 must be zero). Positions follow the Cairo whitepaper §4.4.
 */
public enum Flag {
  DST_REG,
  OP0_REG,
  OP1_IMM,
  OP1_FP,
  OP1_AP,
  RES_ADD,
  RES_MUL,
  PC_JUMP_ABS,
  PC_JUMP_REL,
  PC_JNZ,
  AP_ADD,
  AP_ADD1,
  OPCODE_CALL,
  OPCODE_RET,
  OPCODE_ASSERT_EQ;

  /** The number of flag-prefix columns: one per flag plus the final prefix, which must be zero. */
  public static final int PREFIX_COLUMNS = 16;

  /** The flag's bit position. */
  public int bit() {
    return ordinal();
  }
}
