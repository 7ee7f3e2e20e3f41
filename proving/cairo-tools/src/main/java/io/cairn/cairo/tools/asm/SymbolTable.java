package io.cairn.cairo.tools.asm;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names a source file defines: functions, labels and constants, by full name ({@code
 * __main__.f}, {@code __main__.f.loop}, {@code __main__.N}).
 *
 * <p>A name used inside function {@code f} is looked up as {@code __main__.f.name}, then {@code
 * __main__.name}, then as written (a full name). {@code f.Args.SIZE}, {@code f.ImplicitArgs.SIZE}
 * and {@code f.SIZEOF_LOCALS} are constants derived from a function's signature.
 */
final class SymbolTable {

  static final String MAIN_SCOPE = "__main__";

  /** A function with its full name, entry pc and signature. */
  record Function(String fullName, int pc, FunctionSignature signature) {}

  private record ConstantDefinition(Expr value, String scope) {}

  private final Map<String, Function> functions = new LinkedHashMap<>();
  private final Map<String, Integer> labels = new LinkedHashMap<>();
  private final Map<String, ConstantDefinition> constants = new LinkedHashMap<>();
  private final Map<String, BigInteger> constantValues = new HashMap<>();
  private final Set<String> evaluating = new HashSet<>();
  private final Set<String> references = new HashSet<>();

  static String fullName(String scope, String name) {
    return scope + "." + name;
  }

  void defineFunction(String scope, FunctionSignature signature, int pc, SourcePosition at) {
    String full = fullName(scope, signature.name());
    checkFree(full, at);
    functions.put(full, new Function(full, pc, signature));
  }

  void defineLabel(String scope, String name, int pc, SourcePosition at) {
    String full = fullName(scope, name);
    checkFree(full, at);
    labels.put(full, pc);
  }

  void defineReference(String scope, String name, SourcePosition at) {
    String full = fullName(scope, name);
    checkFree(full, at);
    references.add(full);
  }

  void defineConstant(String scope, String name, Expr value, SourcePosition at) {
    String full = fullName(scope, name);
    checkFree(full, at);
    constants.put(full, new ConstantDefinition(value, scope));
  }

  private void checkFree(String full, SourcePosition at) {
    if (functions.containsKey(full)
        || labels.containsKey(full)
        || constants.containsKey(full)
        || references.contains(full)) {
      throw new AssemblyException(at, "'" + full + "' is already defined");
    }
  }

  /** Functions in definition order. */
  List<Function> functions() {
    return new ArrayList<>(functions.values());
  }

  /** Labels by full name, in definition order. */
  Map<String, Integer> labels() {
    return labels;
  }

  /** Every constant's value by full name, in definition order. */
  Map<String, BigInteger> constantValues() {
    Map<String, BigInteger> values = new LinkedHashMap<>();
    for (String full : constants.keySet()) {
      values.put(full, constantValue(full));
    }
    return values;
  }

  Function function(String fullName) {
    return functions.get(fullName);
  }

  private static List<String> candidates(String scope, String name) {
    return List.of(fullName(scope, name), fullName(MAIN_SCOPE, name), name);
  }

  /** The pc of the label or function {@code name} as seen from {@code scope}. */
  int labelPc(String scope, String name, SourcePosition at) {
    for (String candidate : candidates(scope, name)) {
      Function function = functions.get(candidate);
      if (function != null) {
        return function.pc();
      }
      Integer pc = labels.get(candidate);
      if (pc != null) {
        return pc;
      }
      if (constants.containsKey(candidate)) {
        throw new AssemblyException(at, "'" + name + "' is a constant, not a label");
      }
    }
    throw new AssemblyException(at, "unknown label '" + name + "'");
  }

  /** The value of constant {@code name} as seen from {@code scope}. */
  BigInteger constant(String scope, String name, SourcePosition at) {
    for (String candidate : candidates(scope, name)) {
      if (constants.containsKey(candidate)) {
        return constantValue(candidate);
      }
      BigInteger derived = derivedConstant(candidate);
      if (derived != null) {
        return derived;
      }
      if (functions.containsKey(candidate) || labels.containsKey(candidate)) {
        throw new AssemblyException(
            at, "'" + name + "' is a label; only 'jmp' and 'call' can take a label");
      }
    }
    throw new AssemblyException(at, "unknown constant '" + name + "'");
  }

  private BigInteger derivedConstant(String candidate) {
    for (String suffix : List.of(".Args.SIZE", ".ImplicitArgs.SIZE", ".SIZEOF_LOCALS")) {
      if (candidate.endsWith(suffix)) {
        Function function =
            functions.get(candidate.substring(0, candidate.length() - suffix.length()));
        if (function != null) {
          FunctionSignature s = function.signature();
          int value =
              switch (suffix) {
                case ".Args.SIZE" -> s.args().size();
                case ".ImplicitArgs.SIZE" -> s.implicitArgs().size();
                default -> 0;
              };
          return BigInteger.valueOf(value);
        }
      }
    }
    return null;
  }

  private BigInteger constantValue(String full) {
    BigInteger known = constantValues.get(full);
    if (known != null) {
      return known;
    }
    ConstantDefinition definition = constants.get(full);
    if (!evaluating.add(full)) {
      throw new AssemblyException(
          definition.value().position(), "constant '" + full + "' is defined in terms of itself");
    }
    try {
      BigInteger value =
          new ConstantEvaluator(n -> constant(definition.scope(), n.name(), n.position()))
              .evaluate(definition.value());
      constantValues.put(full, value);
      return value;
    } finally {
      evaluating.remove(full);
    }
  }
}
