package io.cairn.cairo.vm.hint;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fixed table of hint code strings the Cairn VM implements natively, keyed by their exact text.
 * Hints are matched character for character and never executed as code.
 *
 * <p>The strings live in the resource {@code known-hints.json} (name to code), taken verbatim from
 * cairo-lang's library as collected in the conformance set's {@code hints.json}; the names are
 * lambdaclass/cairo-vm's constant names and are labels only.
 */
public final class HintCatalog {
  private static final Map<String, String> NAME_BY_CODE = loadCatalog();

  private HintCatalog() {}

  private static Map<String, String> loadCatalog() {
    try (InputStream in = HintCatalog.class.getResourceAsStream("known-hints.json")) {
      if (in == null) {
        throw new IllegalStateException("resource known-hints.json is missing");
      }
      Map<String, String> codeByName =
          new ObjectMapper().readValue(in, new TypeReference<LinkedHashMap<String, String>>() {});
      Map<String, String> byCode = new HashMap<>();
      codeByName.forEach((name, code) -> byCode.put(code, name));
      return Map.copyOf(byCode);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read known-hints.json", e);
    }
  }

  /** The catalog name of a hint code string, if the VM knows it. */
  public static Optional<String> nameOf(String code) {
    return Optional.ofNullable(NAME_BY_CODE.get(code));
  }

  /** Whether the VM implements the hint with exactly this code. */
  public static boolean isSupported(String code) {
    return NAME_BY_CODE.containsKey(code);
  }

  /** The number of known hint strings. */
  public static int size() {
    return NAME_BY_CODE.size();
  }
}
