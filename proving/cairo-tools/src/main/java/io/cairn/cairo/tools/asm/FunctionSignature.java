package io.cairn.cairo.tools.asm;

import java.util.List;

/**
 * A function's declared name and arguments, as in {@code func main{output_ptr: felt*}(input_len:
 * felt, input: felt*)}.
 *
 * <p>The arguments matter only for the metadata cairo-compile writes: the {@code Args} and {@code
 * ImplicitArgs} structs whose {@code SIZE}s the proof-mode prologue and the runner use to place
 * main's inputs. Each argument is one felt-sized cell.
 *
 * @param name the function's name (without the {@code __main__.} scope)
 * @param implicitArgs the implicit arguments (builtin pointers), in declaration order
 * @param args the explicit arguments, in declaration order
 * @param returnType the declared return type as Cairo type text, {@code "()"} if none
 */
public record FunctionSignature(
    String name, List<Parameter> implicitArgs, List<Parameter> args, String returnType) {

  /** One argument with its Cairo type ({@code felt} when not written). */
  public record Parameter(String name, String cairoType) {}

  /** Copies the lists so the signature is immutable. */
  public FunctionSignature {
    implicitArgs = List.copyOf(implicitArgs);
    args = List.copyOf(args);
  }
}
