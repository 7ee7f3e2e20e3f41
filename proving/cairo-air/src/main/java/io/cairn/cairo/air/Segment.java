package io.cairn.cairo.air;

/**
 * One row of the relocated segment table.
 *
 * @param name {@code program}, {@code execution}, a builtin name, {@code input}, or another name
 *     for segments created by hints
 * @param base relocated address of offset 0
 * @param size used size in cells
 */
public record Segment(String name, long base, long size) {

  /** The first address after the segment. */
  public long end() {
    return base + size;
  }
}
