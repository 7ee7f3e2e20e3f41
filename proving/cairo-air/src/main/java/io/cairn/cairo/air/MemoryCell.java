package io.cairn.cairo.air;

import io.cairn.math.Felt;

/**
 * A cell of the relocated memory.
 *
 * @param address relocated address (from 1)
 * @param value the cell's value, pointers as relocated addresses
 */
public record MemoryCell(long address, Felt value) {}
