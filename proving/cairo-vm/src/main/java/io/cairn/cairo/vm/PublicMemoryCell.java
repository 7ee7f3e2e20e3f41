package io.cairn.cairo.vm;

import io.cairn.math.Felt;

/**
 * A memory cell the verifier knows in advance: a program word, an input felt or an output felt, at
 * its relocated address.
 *
 * @param address relocated address
 * @param value the cell's value (pointers already relocated)
 */
public record PublicMemoryCell(long address, Felt value) {}
