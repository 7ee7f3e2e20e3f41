package io.cairn.cairo.vm.program;

import io.cairn.cairo.vm.hint.HintCatalog;
import io.cairn.math.Felt;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * A compiled Cairo 0 program as written by {@code cairo-compile}: bytecode, builtins, hints by pc,
 * identifiers and references. Immutable.
 *
 * <p>{@link #load(Path)} validates everything that can be validated before running: the prime is
 * Stark252, every data word is a field element, every builtin is known and supported, and every
 * hint's code is one of the strings the VM implements natively (hints are never executed as code).
 */
public final class CairoProgram {
  /** The only prime Cairn accepts: 2^251 + 17·2^192 + 1. */
  public static final BigInteger PRIME = Felt.MODULUS;

  private final List<Felt> data;
  private final List<BuiltinName> builtins;
  private final Map<Integer, List<HintSite>> hints;
  private final Map<String, Identifier> identifiers;
  private final List<Reference> references;
  private final String mainScope;

  CairoProgram(
      List<Felt> data,
      List<BuiltinName> builtins,
      Map<Integer, List<HintSite>> hints,
      Map<String, Identifier> identifiers,
      List<Reference> references,
      String mainScope) {
    this.data = List.copyOf(data);
    this.builtins = List.copyOf(builtins);
    this.hints = Map.copyOf(hints);
    this.identifiers = Map.copyOf(identifiers);
    this.references = List.copyOf(references);
    this.mainScope = mainScope;
  }

  /** Loads a program file, refusing hints outside {@link HintCatalog}. */
  public static CairoProgram load(Path file) throws ProgramLoadException {
    try (InputStream in = Files.newInputStream(file)) {
      return load(in);
    } catch (IOException e) {
      throw new ProgramLoadException("cannot read program file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Loads a program from a stream, refusing hints outside {@link HintCatalog}. */
  public static CairoProgram load(InputStream in) throws ProgramLoadException {
    return load(in, HintCatalog::isSupported);
  }

  /**
   * Loads a program from a stream, accepting only hints whose exact code satisfies {@code
   * knownHint}.
   */
  public static CairoProgram load(InputStream in, Predicate<String> knownHint)
      throws ProgramLoadException {
    return ProgramJsonReader.read(in, knownHint);
  }

  /** The bytecode, one field element per word; word i sits at program-segment offset i. */
  public List<Felt> data() {
    return data;
  }

  /** The declared builtins, in the program's order. */
  public List<BuiltinName> builtins() {
    return builtins;
  }

  /** Hints by pc offset, each list in execution order. */
  public Map<Integer, List<HintSite>> hints() {
    return hints;
  }

  /** Every identifier by full name. */
  public Map<String, Identifier> identifiers() {
    return identifiers;
  }

  /** The reference manager's references, indexed as hints' {@code reference_ids} expect. */
  public List<Reference> references() {
    return references;
  }

  /** The main scope, normally {@code __main__}. */
  public String mainScope() {
    return mainScope;
  }

  /** The identifier with this full name, following aliases. */
  public Optional<Identifier> identifier(String fullName) {
    String name = fullName;
    for (int hops = 0; hops < 64; hops++) {
      Identifier id = identifiers.get(name);
      if (id instanceof Identifier.Alias alias) {
        name = alias.destination();
      } else {
        return Optional.ofNullable(id);
      }
    }
    return Optional.empty();
  }

  /** The pc of {@code <main_scope>.<name>} if it is a function or label. */
  public OptionalInt labelPc(String name) {
    Optional<Identifier> id = identifier(mainScope + "." + name);
    if (id.isPresent() && id.get() instanceof Identifier.Function f) {
      return OptionalInt.of(f.pc());
    }
    if (id.isPresent() && id.get() instanceof Identifier.Label l) {
      return OptionalInt.of(l.pc());
    }
    return OptionalInt.empty();
  }

  /** The pc of {@code main}. */
  public OptionalInt mainPc() {
    return labelPc("main");
  }

  /** The pc of {@code __start__} (proof-mode programs). */
  public OptionalInt startPc() {
    return labelPc("__start__");
  }

  /** The pc of {@code __end__} (proof-mode programs). */
  public OptionalInt endPc() {
    return labelPc("__end__");
  }

  /** The size of the struct {@code <main_scope>.<name>}, or empty if there is none. */
  public OptionalInt structSize(String name) {
    Optional<Identifier> id = identifier(mainScope + "." + name);
    if (id.isPresent() && id.get() instanceof Identifier.Struct s) {
      return OptionalInt.of(s.size());
    }
    return OptionalInt.empty();
  }
}
