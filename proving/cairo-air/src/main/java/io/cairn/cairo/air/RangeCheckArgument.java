package io.cairn.cairo.air;

/**
 * One range-check permutation argument: the main columns whose values (one per slot, walked
 * row-major) must lie in [min, max] ⊂ [0, 2^16), the last of them being the argument's hole column,
 * and the aux columns of their sorted copy and running product.
 *
 * @param name {@code offsets} (the instruction offsets) or {@code limbs} (range_check builtin)
 * @param columns the main columns, one per slot; the last is the hole column
 * @param sortedBase the aux column of sorted slot 0
 * @param productBase the aux column of product slot 0
 */
public record RangeCheckArgument(String name, int[] columns, int sortedBase, int productBase) {

  /** Values per row. */
  public int slots() {
    return columns.length;
  }

  /** The main column of slot {@code slot}. */
  public int column(int slot) {
    return columns[slot];
  }

  /** The main column holding this argument's holes. */
  public int holeColumn() {
    return columns[columns.length - 1];
  }

  /** The aux column of sorted slot {@code slot}. */
  public int sorted(int slot) {
    return sortedBase + slot;
  }

  /** The aux column of the product before slot {@code slot}. */
  public int product(int slot) {
    return productBase + slot;
  }
}
