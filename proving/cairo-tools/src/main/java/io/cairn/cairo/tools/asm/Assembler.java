package io.cairn.cairo.tools.asm;

import io.cairn.cairo.tools.asm.FunctionSignature.Parameter;
import io.cairn.cairo.vm.program.BuiltinName;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Assembles instruction-level Cairo 0 source into a program, as cairo-compile would compile the
 * same instructions.
 *
 * <p>Two passes: the first assigns a pc to every label and function (an instruction's size depends
 * only on its shape, never on a constant's value), the second encodes every instruction with labels
 * and constants resolved. {@code jmp label} and {@code call label} become relative jumps whose
 * immediate is the distance from the instruction to the label.
 *
 * <p>In {@link Mode#PROOF} the program starts with cairo-compile's proof-mode prologue at pc 0:
 * {@code __start__: ap += main.Args.SIZE + main.ImplicitArgs.SIZE; call main; __end__: jmp rel 0}.
 */
public final class Assembler {

  /** Whether to emit the proof-mode prologue. */
  public enum Mode {
    /** Plain program; cairo-run starts it at {@code main}. */
    EXECUTION,
    /** Program with the {@code __start__}/{@code __end__} prologue for {@code --proof_mode}. */
    PROOF
  }

  private static final String PROOF_PROLOGUE =
      """
      __start__:
      ap += main.Args.SIZE + main.ImplicitArgs.SIZE
      call main
      __end__:
      jmp rel 0
      """;

  private static final List<String> CANONICAL_BUILTINS =
      Arrays.stream(BuiltinName.values()).map(BuiltinName::programName).toList();

  private static final String MAIN = SymbolTable.MAIN_SCOPE;

  private final SymbolTable symbols = new SymbolTable();
  private final List<String> builtins = new ArrayList<>();
  private final TreeMap<Integer, List<AssembledProgram.Hint>> hints = new TreeMap<>();
  private final List<PendingReference> references = new ArrayList<>();

  /** A {@code let} whose value is computed once constants are known. */
  private record PendingReference(String fullName, Expr value, String scope, int pc) {}

  private Assembler() {}

  /** Assembles {@code source} in {@link Mode#EXECUTION}. */
  public static AssembledProgram assemble(String source) {
    return assemble(source, Mode.EXECUTION);
  }

  /**
   * Assembles {@code source}.
   *
   * @throws AssemblyException on any syntax or semantic error, with its line and column
   */
  public static AssembledProgram assemble(String source, Mode mode) {
    List<Statement> statements = new ArrayList<>(Parser.parse(source));
    if (mode == Mode.PROOF) {
      if (statements.stream().noneMatch(s -> s instanceof Statement.FunctionStart f && isMain(f))) {
        throw new AssemblyException(
            new SourcePosition(1, 1), "proof mode needs a function named 'main'");
      }
      statements.addAll(0, Parser.parse(PROOF_PROLOGUE));
    }
    return new Assembler().run(statements);
  }

  private static boolean isMain(Statement.FunctionStart start) {
    return start.signature().name().equals("main");
  }

  private AssembledProgram run(List<Statement> statements) {
    int size = layout(statements);
    List<BigInteger> data = encode(statements);
    if (data.size() != size) {
      throw new IllegalStateException("layout and encoding disagree: " + size + " vs " + data);
    }
    List<AssembledProgram.Function> functions = new ArrayList<>();
    for (SymbolTable.Function f : symbols.functions()) {
      functions.add(new AssembledProgram.Function(f.fullName(), f.pc(), f.signature()));
    }
    List<AssembledProgram.Reference> resolved = new ArrayList<>();
    for (PendingReference r : references) {
      InstructionBuilder builder =
          new InstructionBuilder(
              new ConstantEvaluator(n -> symbols.constant(r.scope(), n.name(), n.position())),
              name -> 0);
      resolved.add(
          new AssembledProgram.Reference(r.fullName(), builder.referenceValue(r.value()), r.pc()));
    }
    return new AssembledProgram(
        data, builtins, functions, symbols.labels(), symbols.constantValues(), hints, resolved);
  }

  /** Pass 1: defines every name and returns the program size. */
  private int layout(List<Statement> statements) {
    InstructionBuilder sizing =
        new InstructionBuilder(new ConstantEvaluator(n -> BigInteger.ZERO), name -> 0);
    String scope = MAIN;
    int pc = 0;
    Statement.Hint pendingHint = null;
    Map<String, Integer> visibleReferences = new LinkedHashMap<>();
    for (Statement statement : statements) {
      switch (statement) {
        case Statement.Label l -> symbols.defineLabel(scope, l.name(), pc, l.position());
        case Statement.FunctionStart f -> {
          FunctionSignature signature = withBuiltinPointers(f, statements);
          symbols.defineFunction(MAIN, signature, pc, f.position());
          scope = SymbolTable.fullName(MAIN, signature.name());
          visibleReferences.clear();
        }
        case Statement.FunctionEnd e -> {
          scope = MAIN;
          visibleReferences.clear();
        }
        case Statement.Reference r -> {
          symbols.defineReference(scope, r.name(), r.position());
          String full = SymbolTable.fullName(scope, r.name());
          visibleReferences.put(full, references.size());
          references.add(new PendingReference(full, r.value(), scope, pc));
        }
        case Statement.Constant c ->
            symbols.defineConstant(scope, c.name(), c.value(), c.position());
        case Statement.Builtins b -> defineBuiltins(b);
        case Statement.Hint h -> {
          List<String> scopes = scope.equals(MAIN) ? List.of(MAIN) : List.of(MAIN, scope);
          hints
              .computeIfAbsent(pc, k -> new ArrayList<>())
              .add(
                  new AssembledProgram.Hint(
                      dedent(h.code()), scopes, Map.copyOf(visibleReferences)));
          pendingHint = h;
        }
        case Statement.InstructionStatement i -> {
          pc += sizing.build(i, pc).size();
          pendingHint = null;
        }
      }
    }
    if (pendingHint != null) {
      throw new AssemblyException(
          pendingHint.position(), "a hint must be followed by an instruction");
    }
    return pc;
  }

  /** Pass 2: encodes every instruction with names resolved. */
  private List<BigInteger> encode(List<Statement> statements) {
    List<BigInteger> data = new ArrayList<>();
    String scope = MAIN;
    for (Statement statement : statements) {
      if (statement instanceof Statement.FunctionStart f) {
        scope = SymbolTable.fullName(MAIN, f.signature().name());
      } else if (statement instanceof Statement.FunctionEnd) {
        scope = MAIN;
      } else if (statement instanceof Statement.InstructionStatement i) {
        String here = scope;
        SourcePosition at = i.position();
        InstructionBuilder builder =
            new InstructionBuilder(
                new ConstantEvaluator(n -> symbols.constant(here, n.name(), n.position())),
                name -> symbols.labelPc(here, name, at));
        data.addAll(builder.build(i, data.size()).words());
      }
    }
    return data;
  }

  /**
   * The hint's code as cairo-compile stores it: surrounding blank lines dropped, the common
   * indentation removed, no trailing whitespace. Hints are matched against known code verbatim.
   */
  static String dedent(String code) {
    List<String> lines = new ArrayList<>(code.lines().map(String::stripTrailing).toList());
    while (!lines.isEmpty() && lines.get(0).isBlank()) {
      lines.remove(0);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    int indent =
        lines.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      out.add(line.isBlank() ? "" : line.substring(indent));
    }
    return String.join("\n", out);
  }

  private void defineBuiltins(Statement.Builtins directive) {
    if (!builtins.isEmpty()) {
      throw new AssemblyException(directive.position(), "'%builtins' may appear only once");
    }
    int last = -1;
    for (String name : directive.names()) {
      int rank = CANONICAL_BUILTINS.indexOf(name);
      if (rank < 0) {
        throw new AssemblyException(
            directive.position(),
            "unknown builtin '" + name + "'; known: " + String.join(" ", CANONICAL_BUILTINS));
      }
      if (rank <= last) {
        throw new AssemblyException(
            directive.position(),
            "builtins must be listed once each, in the order "
                + String.join(" ", CANONICAL_BUILTINS));
      }
      last = rank;
      builtins.add(name);
    }
  }

  /**
   * main's signature, with one implicit pointer argument per builtin when main declares none, so
   * that {@code main.ImplicitArgs.SIZE} counts the builtin pointers the runner passes.
   */
  private static FunctionSignature withBuiltinPointers(
      Statement.FunctionStart start, List<Statement> statements) {
    FunctionSignature signature = start.signature();
    if (!isMain(start)) {
      return signature;
    }
    List<String> declared =
        statements.stream()
            .filter(s -> s instanceof Statement.Builtins)
            .map(s -> ((Statement.Builtins) s).names())
            .findFirst()
            .orElse(List.of());
    if (signature.implicitArgs().isEmpty()) {
      List<Parameter> pointers = new ArrayList<>();
      for (String builtin : declared) {
        pointers.add(new Parameter(builtin + "_ptr", builtinPointerType(builtin)));
      }
      return new FunctionSignature(
          signature.name(), pointers, signature.args(), signature.returnType());
    }
    if (signature.implicitArgs().size() != declared.size()) {
      throw new AssemblyException(
          start.position(),
          "main declares "
              + signature.implicitArgs().size()
              + " implicit arguments but the program has "
              + declared.size()
              + " builtins; main receives one pointer per builtin");
    }
    return signature;
  }

  private static String builtinPointerType(String builtin) {
    return builtin.equals("range_check") ? "felt" : "felt*";
  }
}
