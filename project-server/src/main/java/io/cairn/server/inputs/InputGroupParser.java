package io.cairn.server.inputs;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses a bulk upload of input groups, one group per line, collecting every bad line instead of
 * stopping at the first: either all lines are good, or the caller gets the list of bad ones.
 *
 * <ul>
 *   <li>CSV ({@code text/csv}): each non-blank line is the group's felts, comma-separated.
 *   <li>JSON lines ({@code application/x-ndjson}): each non-blank line is an object {@code
 *       {"input": ["1","2"], "name", "priority", "max_steps", "lease_timeout_seconds",
 *       "max_attempts"}}, only {@code input} required; felts may be strings or non-negative
 *       integers.
 * </ul>
 */
public final class InputGroupParser {
  private static final Set<String> FIELDS =
      Set.of("input", "name", "priority", "max_steps", "lease_timeout_seconds", "max_attempts");

  /** One parsed group; null limits take the program's defaults. */
  public record ParsedGroup(
      int line,
      String name,
      BigInteger[] input,
      int priority,
      Long maxSteps,
      Integer leaseTimeoutSeconds,
      Integer maxAttempts) {}

  /** A bad line. */
  public record LineError(int line, String message) {}

  /** The outcome: groups if {@code errors} is empty. */
  public record Parsed(List<ParsedGroup> groups, List<LineError> errors) {}

  private final int maxFelts;
  private final int maxGroups;

  public InputGroupParser(int maxFelts, int maxGroups) {
    this.maxFelts = maxFelts;
    this.maxGroups = maxGroups;
  }

  public Parsed parse(String body, boolean csv) {
    List<ParsedGroup> groups = new ArrayList<>();
    List<LineError> errors = new ArrayList<>();
    String[] lines = body.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      int lineNo = i + 1;
      if (groups.size() + errors.size() >= maxGroups) {
        errors.add(new LineError(lineNo, "more than " + maxGroups + " groups in one request"));
        break;
      }
      try {
        groups.add(csv ? csvLine(lineNo, line) : jsonLine(lineNo, line));
      } catch (IllegalArgumentException e) {
        errors.add(new LineError(lineNo, e.getMessage()));
      }
    }
    if (groups.isEmpty() && errors.isEmpty()) {
      errors.add(new LineError(0, "the body holds no input groups"));
    }
    return new Parsed(groups, errors);
  }

  private ParsedGroup csvLine(int lineNo, String line) {
    String[] cells = line.split(",", -1);
    if (cells.length > maxFelts) {
      throw new IllegalArgumentException("more than " + maxFelts + " felts");
    }
    BigInteger[] felts = new BigInteger[cells.length];
    for (int j = 0; j < cells.length; j++) {
      try {
        felts[j] = Felts.parse(cells[j]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("column " + (j + 1) + ": " + e.getMessage());
      }
    }
    return new ParsedGroup(lineNo, "", felts, 0, null, null, null);
  }

  private ParsedGroup jsonLine(int lineNo, String line) {
    JsonObject o;
    try {
      o = new JsonObject(line);
    } catch (DecodeException | ClassCastException e) {
      throw new IllegalArgumentException("not a JSON object");
    }
    for (String f : o.fieldNames()) {
      if (!FIELDS.contains(f)) {
        throw new IllegalArgumentException("unknown field '" + f + "'");
      }
    }
    Object in = o.getValue("input");
    if (!(in instanceof JsonArray arr)) {
      throw new IllegalArgumentException("'input' must be an array of felts");
    }
    if (arr.size() > maxFelts) {
      throw new IllegalArgumentException("more than " + maxFelts + " felts");
    }
    BigInteger[] felts = new BigInteger[arr.size()];
    for (int j = 0; j < arr.size(); j++) {
      Object v = arr.getValue(j);
      String text;
      if (v instanceof String s) {
        text = s;
      } else if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
        text = v.toString();
      } else {
        throw new IllegalArgumentException("input[" + j + "] must be a string or an integer");
      }
      try {
        felts[j] = Felts.parse(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("input[" + j + "]: " + e.getMessage());
      }
    }
    Object name = o.getValue("name");
    if (name != null && (!(name instanceof String s) || s.length() > 200)) {
      throw new IllegalArgumentException("'name' must be a string of at most 200 characters");
    }
    return new ParsedGroup(
        lineNo,
        name == null ? "" : (String) name,
        felts,
        (int) integer(o, "priority", -1_000_000, 1_000_000, 0L).longValue(),
        integer(o, "max_steps", 1, 1L << 40, null),
        toInt(integer(o, "lease_timeout_seconds", 10, 30 * 86400, null)),
        toInt(integer(o, "max_attempts", 1, 100, null)));
  }

  private static Integer toInt(Long v) {
    return v == null ? null : v.intValue();
  }

  private static Long integer(JsonObject o, String field, long min, long max, Long dflt) {
    Object v = o.getValue(field);
    if (v == null) {
      return dflt;
    }
    if (!(v instanceof Integer || v instanceof Long)) {
      throw new IllegalArgumentException("'" + field + "' must be an integer");
    }
    long l = ((Number) v).longValue();
    if (l < min || l > max) {
      throw new IllegalArgumentException("'" + field + "' must be between " + min + " and " + max);
    }
    return l;
  }
}
