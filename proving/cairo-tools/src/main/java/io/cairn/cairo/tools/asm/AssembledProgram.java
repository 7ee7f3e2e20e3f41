package io.cairn.cairo.tools.asm;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The result of assembling a source file: bytecode plus the metadata cairo-compile writes.
 *
 * <p>{@link ProgramJsonWriter} turns it into cairo-compile's JSON format.
 *
 * @param data the program words, each in [0, P)
 * @param builtins builtin names in declaration (canonical) order
 * @param functions every function with its full name ({@code __main__.f}), pc and signature
 * @param labels label full names ({@code __main__.f.loop}) to pc
 * @param constants constant full names to value (as an integer, possibly negative)
 * @param hints pc to the hints that run before the instruction at that pc
 * @param references the references hints use, indexed as their {@code referenceIds} say
 */
public record AssembledProgram(
    List<BigInteger> data,
    List<String> builtins,
    List<Function> functions,
    Map<String, Integer> labels,
    Map<String, BigInteger> constants,
    SortedMap<Integer, List<Hint>> hints,
    List<Reference> references) {

  /** A function entry point. */
  public record Function(String fullName, int pc, FunctionSignature signature) {}

  /**
   * A hint as cairo-compile records it.
   *
   * @param code the hint's code
   * @param accessibleScopes the scopes whose names the hint may use, outermost first
   */
  public record Hint(
      String code, List<String> accessibleScopes, Map<String, Integer> referenceIds) {}

  /**
   * A reference ({@code let}) as the reference manager records it.
   *
   * @param fullName the reference's full name
   * @param value cairo-lang's reference expression, e.g. {@code [cast(fp + (-3), felt*)]}
   * @param pc the pc where it is defined
   */
  public record Reference(String fullName, String value, int pc) {}

  /** Copies the collections so the program is immutable. */
  public AssembledProgram {
    data = List.copyOf(data);
    builtins = List.copyOf(builtins);
    functions = List.copyOf(functions);
    labels = Map.copyOf(labels);
    constants = Map.copyOf(constants);
    references = List.copyOf(references);
    hints = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(hints));
  }

  /** The function with this full name, if any. */
  public java.util.Optional<Function> function(String fullName) {
    return functions.stream().filter(f -> f.fullName().equals(fullName)).findFirst();
  }
}
