package io.cairn.cairo.vm.program;

/**
 * One entry of {@code reference_manager.references}: an expression such as {@code [cast(fp + (-3),
 * felt*)]} giving a variable's value, valid from {@code pc} on.
 *
 * @param value the expression text
 * @param apTracking ap tracking at the point the reference was created
 * @param pc the program offset where the reference was created
 */
public record Reference(String value, ApTracking apTracking, int pc) {}
