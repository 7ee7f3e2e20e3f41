package io.cairn.cairo.tools.disasm;

import io.cairn.cairo.tools.asm.Parser;
import io.cairn.cairo.vm.program.CairoProgram;
import io.cairn.cairo.vm.program.Identifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * The names a disassembly prints: one {@code func} per function identifier, a label per label
 * identifier, and the spelling of a jump target that resolves back to the same pc when the text is
 * assembled again.
 *
 * <p>A function's region runs from its pc to the next function's pc. Names are printed relative to
 * the region's function where they belong to it, otherwise without the {@code __main__.} prefix.
 * Names the assembler could not parse are left out (the jump is then printed numerically).
 */
final class LabelNames {

  private static final String MAIN = "__main__";
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*");
  private static final Pattern TYPE = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*\\**");

  /** A function start: its declaration line, its full name, and the one it gets reassembled. */
  record FunctionHeader(String declaration, String originalName, String reassembledName) {}

  private final CairoProgram program;
  private final TreeMap<Integer, FunctionHeader> functions = new TreeMap<>();
  private final TreeMap<Integer, List<String>> printedLabels = new TreeMap<>();

  /** pc to the full names (as reassembled) of the functions and labels there, functions first. */
  private final TreeMap<Integer, List<String>> targets = new TreeMap<>();

  private final Set<String> defined = new HashSet<>();

  LabelNames(CairoProgram program) {
    this.program = program;
    Map<String, Identifier> ids = new TreeMap<>(program.identifiers());
    List<Map.Entry<String, Integer>> labels = new ArrayList<>();
    ids.forEach(
        (name, id) -> {
          if (id instanceof Identifier.Function f && validName(strip(name))) {
            if (functions.containsKey(f.pc())) {
              labels.add(Map.entry(name, f.pc()));
            } else {
              String reassembled = MAIN + "." + strip(name);
              functions.put(f.pc(), new FunctionHeader(declaration(name), name, reassembled));
              addTarget(f.pc(), reassembled);
            }
          } else if (id instanceof Identifier.Label l && validName(strip(name))) {
            labels.add(Map.entry(name, l.pc()));
          }
        });
    labels.sort(Map.Entry.comparingByValue(Comparator.naturalOrder()));
    for (Map.Entry<String, Integer> label : labels) {
      int pc = label.getValue();
      String scope = scopeAt(pc);
      String original = originalFunctionAt(pc);
      String name = label.getKey();
      String printed =
          original != null && name.startsWith(original + ".")
              ? name.substring(original.length() + 1)
              : strip(name);
      String reassembled = scope + "." + printed;
      if (!defined.contains(reassembled)) {
        printedLabels.computeIfAbsent(pc, k -> new ArrayList<>()).add(printed);
        addTarget(pc, reassembled);
      }
    }
  }

  private void addTarget(int pc, String reassembled) {
    defined.add(reassembled);
    targets.computeIfAbsent(pc, k -> new ArrayList<>()).add(reassembled);
  }

  private static String strip(String name) {
    return name.startsWith(MAIN + ".") ? name.substring(MAIN.length() + 1) : name;
  }

  private static boolean validName(String name) {
    if (!NAME.matcher(name).matches()) {
      return false;
    }
    for (String part : name.split("\\.")) {
      if (Parser.isKeyword(part)) {
        return false;
      }
    }
    return true;
  }

  /** The function declared at pc, or null. */
  FunctionHeader functionAt(int pc) {
    return functions.get(pc);
  }

  /** Labels to print at pc, spelled relative to the enclosing function. */
  List<String> labelsAt(int pc) {
    return printedLabels.getOrDefault(pc, List.of());
  }

  /** True if no function or label starts at pc, so it may hold the previous instruction's imm. */
  boolean isFreeForImmediate(int pc) {
    return !targets.containsKey(pc);
  }

  /** For code at {@code pc}: a spelling for a target pc that the assembler resolves back to it. */
  IntFunction<String> referenceFrom(int pc) {
    String scope = scopeAt(pc);
    return target -> {
      for (String full : targets.getOrDefault(target, List.of())) {
        String printed =
            full.startsWith(scope + ".") && !scope.equals(MAIN)
                ? full.substring(scope.length() + 1)
                : strip(full);
        if (full.equals(resolve(scope, printed))) {
          return printed;
        }
      }
      return null;
    };
  }

  /** The assembler's lookup order: scope.name, __main__.name, name. */
  private String resolve(String scope, String name) {
    for (String candidate : List.of(scope + "." + name, MAIN + "." + name, name)) {
      if (defined.contains(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private String scopeAt(int pc) {
    Map.Entry<Integer, FunctionHeader> f = functions.floorEntry(pc);
    return f == null ? MAIN : f.getValue().reassembledName();
  }

  private String originalFunctionAt(int pc) {
    Map.Entry<Integer, FunctionHeader> f = functions.floorEntry(pc);
    return f == null ? null : f.getValue().originalName();
  }

  private String declaration(String function) {
    return "func "
        + strip(function)
        + arguments(function + ".ImplicitArgs", "{", "}", true)
        + arguments(function + ".Args", "(", ")", false);
  }

  private String arguments(String struct, String open, String close, boolean omitIfEmpty) {
    if (!(program.identifiers().get(struct) instanceof Identifier.Struct s)
        || s.members().isEmpty()) {
      return omitIfEmpty ? "" : "()";
    }
    List<String> members = new ArrayList<>();
    s.members().entrySet().stream()
        .sorted(Comparator.comparingInt(e -> e.getValue().offset()))
        .forEach(
            e -> {
              String type = e.getValue().cairoType();
              members.add(TYPE.matcher(type).matches() ? e.getKey() + ": " + type : e.getKey());
            });
    if (members.stream().anyMatch(m -> !validName(m.split(":")[0]))) {
      return omitIfEmpty ? "" : "()";
    }
    return open + String.join(", ", members) + close;
  }
}
