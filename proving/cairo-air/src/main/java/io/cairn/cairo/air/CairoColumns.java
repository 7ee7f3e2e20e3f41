package io.cairn.cairo.air;

import java.util.ArrayList;
import java.util.List;

/**
 * The column layout of the Cairo trace: one row per VM step.
 *
 * <p>Main columns: the 16 flag prefixes {@code f̃_i = Σ_{j≥i} 2^(j−i)·f_j} (so {@code f̃_15 = 0}),
 * res, the registers, the four memory accesses of a step (pc/inst, dst, op0, op1), the biased
 * offsets, the products t0, t1, mul, one extra memory access (public-memory dummies and memory
 * holes), one offset hole, and, when the program uses the range_check builtin, one builtin cell per
 * row (address, value, its eight 16-bit limbs) and one limb hole.
 *
 * <p>Aux columns, built after the challenges: the sorted memory addresses and values and the memory
 * running product (one column per slot, holding the product of all slots before it), then for each
 * {@link RangeCheckArgument} its sorted values and running product.
 *
 * <p>The memory has {@link #memorySlots} accesses per row, walked row-major.
 */
public final class CairoColumns {

  public static final int FLAGS = 0;
  public static final int RES = 16;
  public static final int AP = 17;
  public static final int FP = 18;
  public static final int PC = 19;
  public static final int DST_ADDR = 20;
  public static final int OP0_ADDR = 21;
  public static final int OP1_ADDR = 22;
  public static final int INST = 23;
  public static final int DST = 24;
  public static final int OP0 = 25;
  public static final int OP1 = 26;
  public static final int OFF_DST = 27;
  public static final int OFF_OP0 = 28;
  public static final int OFF_OP1 = 29;
  public static final int T0 = 30;
  public static final int T1 = 31;
  public static final int MUL = 32;
  public static final int EXTRA_ADDR = 33;
  public static final int EXTRA_VAL = 34;
  public static final int RC_HOLE = 35;
  public static final int RC_BUILTIN_ADDR = 36;
  public static final int RC_BUILTIN_VALUE = 37;
  public static final int RC_BUILTIN_LIMBS = 38;

  /** 16-bit limbs per range_check builtin cell (a cell must be below 2^128). */
  public static final int LIMBS = 8;

  public static final int RC_LIMB_HOLE = RC_BUILTIN_LIMBS + LIMBS;

  private static final int[] CPU_MEMORY_ADDR = {PC, DST_ADDR, OP0_ADDR, OP1_ADDR, EXTRA_ADDR};
  private static final int[] CPU_MEMORY_VAL = {INST, DST, OP0, OP1, EXTRA_VAL};

  private final boolean rangeCheckBuiltin;
  private final int memorySlots;
  private final List<RangeCheckArgument> rangeChecks;
  private final int auxWidth;

  /** The layout with or without the range_check builtin columns. */
  public CairoColumns(boolean rangeCheckBuiltin) {
    this.rangeCheckBuiltin = rangeCheckBuiltin;
    this.memorySlots = CPU_MEMORY_ADDR.length + (rangeCheckBuiltin ? 1 : 0);
    List<int[]> groups = new ArrayList<>();
    groups.add(new int[] {OFF_DST, OFF_OP0, OFF_OP1, RC_HOLE});
    if (rangeCheckBuiltin) {
      int[] limbs = new int[LIMBS + 1];
      for (int k = 0; k <= LIMBS; k++) {
        limbs[k] = RC_BUILTIN_LIMBS + k;
      }
      groups.add(limbs);
    }
    List<RangeCheckArgument> arguments = new ArrayList<>();
    int next = 3 * memorySlots;
    for (int g = 0; g < groups.size(); g++) {
      int[] cols = groups.get(g);
      arguments.add(
          new RangeCheckArgument(g == 0 ? "offsets" : "limbs", cols, next, next + cols.length));
      next += 2 * cols.length;
    }
    this.rangeChecks = List.copyOf(arguments);
    this.auxWidth = next;
  }

  /** Whether the range_check builtin columns are present. */
  public boolean hasRangeCheckBuiltin() {
    return rangeCheckBuiltin;
  }

  /** The number of main columns. */
  public int mainWidth() {
    return rangeCheckBuiltin ? RC_LIMB_HOLE + 1 : RC_BUILTIN_ADDR;
  }

  /** Memory accesses per row. */
  public int memorySlots() {
    return memorySlots;
  }

  /** The range-check arguments: the offsets, then the builtin's limbs when present. */
  public List<RangeCheckArgument> rangeChecks() {
    return rangeChecks;
  }

  /** The main column holding the address of memory slot {@code slot}. */
  public int memoryAddress(int slot) {
    return slot < CPU_MEMORY_ADDR.length ? CPU_MEMORY_ADDR[slot] : RC_BUILTIN_ADDR;
  }

  /** The main column holding the value of memory slot {@code slot}. */
  public int memoryValue(int slot) {
    return slot < CPU_MEMORY_VAL.length ? CPU_MEMORY_VAL[slot] : RC_BUILTIN_VALUE;
  }

  /** Aux column: sorted memory address {@code slot}. */
  public int sortedAddress(int slot) {
    return slot;
  }

  /** Aux column: sorted memory value {@code slot}. */
  public int sortedValue(int slot) {
    return memorySlots + slot;
  }

  /** Aux column: the memory product of all accesses before slot {@code slot}. */
  public int memoryProduct(int slot) {
    return 2 * memorySlots + slot;
  }

  /** The number of aux columns. */
  public int auxWidth() {
    return auxWidth;
  }
}
