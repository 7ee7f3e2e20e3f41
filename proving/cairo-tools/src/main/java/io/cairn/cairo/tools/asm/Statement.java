package io.cairn.cairo.tools.asm;

import java.util.List;

/** One statement of an assembly source file, in source order. */
public sealed interface Statement {

  /** Where the statement starts. */
  SourcePosition position();

  /** {@code name:} a label at the current pc. */
  record Label(String name, SourcePosition position) implements Statement {}

  /** Start of a function: {@code func name(...)} followed by a brace block or a colon. */
  record FunctionStart(FunctionSignature signature, SourcePosition position) implements Statement {}

  /** End of the current function (a closing brace, the next {@code func}, or end of input). */
  record FunctionEnd(SourcePosition position) implements Statement {}

  /** {@code const NAME = expr;}. */
  record Constant(String name, Expr value, SourcePosition position) implements Statement {}

  /** {@code %builtins output range_check ...}. */
  record Builtins(List<String> names, SourcePosition position) implements Statement {}

  /**
   * {@code let NAME = [reg + off]}: a reference that hints can read and write as {@code ids.NAME}.
   */
  record Reference(String name, Expr value, SourcePosition position) implements Statement {}

  /** {@code %{ code %}}: a hint attached to the next instruction. */
  record Hint(String code, SourcePosition position) implements Statement {}

  /** An instruction, with {@code , ap++} when {@code incrementAp}. */
  record InstructionStatement(InstructionSyntax body, boolean incrementAp, SourcePosition position)
      implements Statement {}
}
