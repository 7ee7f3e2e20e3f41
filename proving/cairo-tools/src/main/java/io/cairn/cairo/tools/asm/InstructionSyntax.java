package io.cairn.cairo.tools.asm;

/**
 * The body of one instruction statement, as written: the Cairo 0 instruction forms.
 *
 * <p>Each form maps to one {@link io.cairn.cairo.vm.Instruction} (plus an immediate word when op1
 * is an immediate), except {@link DataWord}, which is one raw word.
 */
public sealed interface InstructionSyntax {

  /** {@code a = b}: assert_eq; the sides may be swapped if only {@code b = a} is encodable. */
  record AssertEq(Expr left, Expr right) implements InstructionSyntax {}

  /** {@code jmp rel x} or {@code jmp abs x}. */
  record Jump(boolean relative, Expr target) implements InstructionSyntax {}

  /** {@code jmp rel x if [reg + off] != 0}. */
  record JumpIfNotZero(Expr offset, Expr condition) implements InstructionSyntax {}

  /** {@code jmp label} or {@code jmp label if [reg + off] != 0}; condition is null if absent. */
  record JumpToLabel(String label, Expr condition) implements InstructionSyntax {}

  /** {@code call rel x} or {@code call abs x}. */
  record Call(boolean relative, Expr target) implements InstructionSyntax {}

  /** {@code call label}: a relative call whose immediate is the distance to the label. */
  record CallLabel(String label) implements InstructionSyntax {}

  /** {@code ret}. */
  record Ret() implements InstructionSyntax {}

  /** {@code ap += x}. */
  record AddAp(Expr value) implements InstructionSyntax {}

  /** {@code dw x}: one data word. */
  record DataWord(Expr value) implements InstructionSyntax {}
}
