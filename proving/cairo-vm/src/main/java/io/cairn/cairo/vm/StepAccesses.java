package io.cairn.cairo.vm;

/**
 * The memory one step reads or writes, as relocated addresses: the instruction word (and its
 * immediate at pc + 1, which is op1 when op1 is an immediate), dst, op0 and op1.
 *
 * @param pc address of the instruction word
 * @param dst address of dst
 * @param op0 address of op0
 * @param op1 address of op1
 */
public record StepAccesses(long pc, long dst, long op0, long op1) {}
