package io.cairn.cairo.vm.program;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.math.Felt;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Reads the JSON written by {@code cairo-compile} into a {@link CairoProgram}. */
final class ProgramJsonReader {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  private ProgramJsonReader() {}

  static CairoProgram read(InputStream in, Predicate<String> knownHint)
      throws ProgramLoadException {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (JacksonException e) {
      throw new ProgramLoadException("program is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ProgramLoadException("cannot read program: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new ProgramLoadException("program JSON must be an object");
    }
    checkPrime(root);
    List<Felt> data = readData(root);
    List<BuiltinName> builtins = readBuiltins(root);
    Map<Integer, List<HintSite>> hints = readHints(root, knownHint, data.size());
    Map<String, Identifier> identifiers = readIdentifiers(root);
    List<Reference> references = readReferences(root);
    String mainScope = root.path("main_scope").asText("__main__");
    return new CairoProgram(data, builtins, hints, identifiers, references, mainScope);
  }

  private static void checkPrime(JsonNode root) throws ProgramLoadException {
    BigInteger prime = parseInteger(require(root, "prime"), "prime");
    if (!prime.equals(CairoProgram.PRIME)) {
      throw new ProgramLoadException(
          "unsupported prime 0x" + prime.toString(16) + "; only the Stark252 prime is supported");
    }
  }

  private static List<Felt> readData(JsonNode root) throws ProgramLoadException {
    JsonNode node = require(root, "data");
    if (!node.isArray()) {
      throw new ProgramLoadException("'data' must be an array of hex strings");
    }
    List<Felt> data = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      BigInteger v = parseInteger(node.get(i), "data[" + i + "]");
      if (v.signum() < 0 || v.compareTo(CairoProgram.PRIME) >= 0) {
        throw new ProgramLoadException("data[" + i + "] is not a field element: " + v);
      }
      data.add(Felt.of(v));
    }
    return data;
  }

  private static List<BuiltinName> readBuiltins(JsonNode root) throws ProgramLoadException {
    List<BuiltinName> builtins = new ArrayList<>();
    JsonNode node = root.path("builtins");
    if (node.isMissingNode()) {
      return builtins;
    }
    if (!node.isArray()) {
      throw new ProgramLoadException("'builtins' must be an array of names");
    }
    for (JsonNode n : node) {
      String name = n.asText();
      BuiltinName b =
          BuiltinName.fromProgramName(name)
              .orElseThrow(() -> new ProgramLoadException("unknown builtin '" + name + "'"));
      if (!b.supported()) {
        throw new ProgramLoadException("builtin '" + name + "' is not supported by the Cairn VM");
      }
      if (builtins.contains(b)) {
        throw new ProgramLoadException("builtin '" + name + "' is declared twice");
      }
      builtins.add(b);
    }
    for (int i = 1; i < builtins.size(); i++) {
      if (builtins.get(i - 1).ordinal() > builtins.get(i).ordinal()) {
        throw new ProgramLoadException("builtins are not in canonical order: " + builtins);
      }
    }
    return builtins;
  }

  private static Map<Integer, List<HintSite>> readHints(
      JsonNode root, Predicate<String> knownHint, int dataSize) throws ProgramLoadException {
    Map<Integer, List<HintSite>> hints = new HashMap<>();
    JsonNode node = root.path("hints");
    if (node.isMissingNode()) {
      return hints;
    }
    if (!node.isObject()) {
      throw new ProgramLoadException("'hints' must be an object keyed by pc");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      int pc;
      try {
        pc = Integer.parseInt(e.getKey());
      } catch (NumberFormatException ex) {
        throw new ProgramLoadException("hint key '" + e.getKey() + "' is not a pc");
      }
      if (pc < 0 || pc >= dataSize) {
        throw new ProgramLoadException("hint at pc " + pc + " is outside the program");
      }
      List<HintSite> sites = new ArrayList<>();
      for (JsonNode h : e.getValue()) {
        String code = require(h, "code").asText();
        if (!knownHint.test(code)) {
          throw new ProgramLoadException(
              "hint at pc " + pc + " is not one the Cairn VM implements: " + abbreviate(code));
        }
        List<String> scopes = new ArrayList<>();
        for (JsonNode s : h.path("accessible_scopes")) {
          scopes.add(s.asText());
        }
        JsonNode flow = h.path("flow_tracking_data");
        ApTracking tracking = readApTracking(flow.path("ap_tracking"));
        Map<String, Integer> refIds = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> r = flow.path("reference_ids").fields();
            r.hasNext(); ) {
          Map.Entry<String, JsonNode> ref = r.next();
          refIds.put(ref.getKey(), ref.getValue().asInt());
        }
        sites.add(new HintSite(code, scopes, tracking, refIds));
      }
      hints.put(pc, List.copyOf(sites));
    }
    return hints;
  }

  private static Map<String, Identifier> readIdentifiers(JsonNode root)
      throws ProgramLoadException {
    Map<String, Identifier> ids = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("identifiers").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      ids.put(e.getKey(), readIdentifier(e.getKey(), e.getValue()));
    }
    return ids;
  }

  private static Identifier readIdentifier(String name, JsonNode n) throws ProgramLoadException {
    String type = n.path("type").asText("");
    return switch (type) {
      case "function" -> new Identifier.Function(require(n, "pc").asInt());
      case "label" -> new Identifier.Label(require(n, "pc").asInt());
      case "const" -> new Identifier.Const(parseInteger(require(n, "value"), name));
      case "alias" -> new Identifier.Alias(require(n, "destination").asText());
      case "reference" -> new Identifier.ReferenceDef(name, n.path("cairo_type").asText());
      case "type_definition" -> new Identifier.TypeDefinition(n.path("cairo_type").asText());
      case "struct" -> {
        Map<String, Identifier.Member> members = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> m = n.path("members").fields(); m.hasNext(); ) {
          Map.Entry<String, JsonNode> me = m.next();
          members.put(
              me.getKey(),
              new Identifier.Member(
                  require(me.getValue(), "offset").asInt(),
                  me.getValue().path("cairo_type").asText()));
        }
        yield new Identifier.Struct(name, members, require(n, "size").asInt());
      }
      default -> new Identifier.Other(type);
    };
  }

  private static List<Reference> readReferences(JsonNode root) {
    List<Reference> refs = new ArrayList<>();
    for (JsonNode r : root.path("reference_manager").path("references")) {
      refs.add(
          new Reference(
              r.path("value").asText(),
              readApTracking(r.path("ap_tracking_data")),
              r.path("pc").asInt()));
    }
    return refs;
  }

  private static ApTracking readApTracking(JsonNode n) {
    return new ApTracking(n.path("group").asInt(), n.path("offset").asInt());
  }

  private static JsonNode require(JsonNode node, String field) throws ProgramLoadException {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new ProgramLoadException("missing field '" + field + "'");
    }
    return v;
  }

  private static BigInteger parseInteger(JsonNode n, String what) throws ProgramLoadException {
    if (n.isIntegralNumber()) {
      return n.bigIntegerValue();
    }
    String s = n.asText().trim();
    try {
      boolean negative = s.startsWith("-");
      String body = negative ? s.substring(1) : s;
      BigInteger v =
          body.startsWith("0x") || body.startsWith("0X")
              ? new BigInteger(body.substring(2), 16)
              : new BigInteger(body);
      return negative ? v.negate() : v;
    } catch (NumberFormatException e) {
      throw new ProgramLoadException(what + " is not an integer: '" + s + "'");
    }
  }

  private static String abbreviate(String code) {
    String oneLine = code.replace("\n", "\\n");
    return oneLine.length() > 120 ? oneLine.substring(0, 120) + "..." : oneLine;
  }
}
