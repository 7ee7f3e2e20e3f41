package io.cairn.cairo.vm;

/**
 * One row of the relocation table.
 *
 * @param index segment index
 * @param name what the segment is: {@code program}, {@code execution}, a builtin name, {@code
 *     input}, {@code return_fp}, {@code end}, or {@code hint} for segments created by hints
 * @param base relocated address of offset 0
 * @param size used size (highest written offset + 1)
 */
public record SegmentInfo(int index, String name, long base, long size) {}
