package io.cairn.cairo.tools.asm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cairn.cairo.tools.asm.FunctionSignature.Parameter;
import io.cairn.cairo.vm.program.CairoProgram;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an {@link AssembledProgram} in the JSON format of {@code cairo-compile} (keys sorted,
 * four-space indent), so that cairo-run-compatible tools and {@link CairoProgram#load} read it.
 *
 * <p>For every function it writes the entries cairo-compile writes: the function itself, its {@code
 * Args} and {@code ImplicitArgs} structs (one felt-sized member per argument, with their {@code
 * size}), {@code Return} and {@code SIZEOF_LOCALS}. Each {@code let} becomes a felt reference in
 * the identifiers and the reference manager, visible to later hints of its function. All ap
 * tracking is group 0, offset 0, so an ap-based reference is read relative to ap when the hint
 * runs. {@code debug_info} is null.
 */
public final class ProgramJsonWriter {

  /** The cairo-lang version whose output format this writer follows. */
  public static final String COMPILER_VERSION = "0.12.2";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private ProgramJsonWriter() {}

  /** The program as cairo-compile JSON text, ending with a newline. */
  public static String write(AssembledProgram program) {
    Map<String, Object> root = new TreeMap<>();
    root.put("attributes", List.of());
    root.put("builtins", program.builtins());
    root.put("compiler_version", COMPILER_VERSION);
    List<String> data = new ArrayList<>();
    for (BigInteger word : program.data()) {
      data.add("0x" + word.toString(16));
    }
    root.put("data", data);
    root.put("debug_info", null);
    root.put("hints", hints(program));
    root.put("identifiers", identifiers(program));
    root.put("main_scope", SymbolTable.MAIN_SCOPE);
    root.put("prime", "0x" + CairoProgram.PRIME.toString(16));
    List<Object> references = new ArrayList<>();
    for (AssembledProgram.Reference r : program.references()) {
      references.add(reference(r));
    }
    root.put("reference_manager", Map.of("references", references));
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("    ", "\n"))
            .withArrayIndenter(new DefaultIndenter("    ", "\n"));
    try {
      return MAPPER.writer(printer).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize program", e);
    }
  }

  private static Map<String, Object> hints(AssembledProgram program) {
    Map<String, Object> hints = new LinkedHashMap<>();
    program
        .hints()
        .forEach(
            (pc, list) -> {
              List<Object> entries = new ArrayList<>();
              for (AssembledProgram.Hint hint : list) {
                entries.add(
                    Map.of(
                        "accessible_scopes", hint.accessibleScopes(),
                        "code", hint.code(),
                        "flow_tracking_data",
                            Map.of(
                                "ap_tracking", Map.of("group", 0, "offset", 0),
                                "reference_ids", hint.referenceIds())));
              }
              hints.put(Integer.toString(pc), entries);
            });
    return hints;
  }

  private static Map<String, Object> identifiers(AssembledProgram program) {
    Map<String, Object> ids = new TreeMap<>();
    for (AssembledProgram.Function f : program.functions()) {
      String name = f.fullName();
      ids.put(name, Map.of("decorators", List.of(), "pc", f.pc(), "type", "function"));
      ids.put(name + ".Args", struct(name + ".Args", f.signature().args()));
      ids.put(name + ".ImplicitArgs", struct(name + ".ImplicitArgs", f.signature().implicitArgs()));
      ids.put(
          name + ".Return",
          Map.of("cairo_type", f.signature().returnType(), "type", "type_definition"));
      ids.put(name + ".SIZEOF_LOCALS", Map.of("type", "const", "value", 0));
    }
    program.labels().forEach((name, pc) -> ids.put(name, Map.of("pc", pc, "type", "label")));
    for (AssembledProgram.Reference r : program.references()) {
      ids.put(
          r.fullName(),
          Map.of(
              "cairo_type",
              "felt",
              "full_name",
              r.fullName(),
              "references",
              List.of(reference(r)),
              "type",
              "reference"));
    }
    program
        .constants()
        .forEach((name, value) -> ids.put(name, Map.of("type", "const", "value", value)));
    return ids;
  }

  private static Map<String, Object> reference(AssembledProgram.Reference r) {
    return Map.of(
        "ap_tracking_data", Map.of("group", 0, "offset", 0), "pc", r.pc(), "value", r.value());
  }

  private static Map<String, Object> struct(String fullName, List<Parameter> members) {
    Map<String, Object> byName = new TreeMap<>();
    for (int i = 0; i < members.size(); i++) {
      Parameter p = members.get(i);
      byName.put(p.name(), Map.of("cairo_type", p.cairoType(), "offset", i));
    }
    return Map.of(
        "full_name", fullName, "members", byName, "size", members.size(), "type", "struct");
  }
}
