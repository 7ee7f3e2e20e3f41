package io.cairn.orgcli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.orgcli.model.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Writes results as CSV (one row per result; felt lists space-separated) or as a JSON array. {@code
 * inputs} (by input group id) adds an {@code input} column when not null.
 */
public final class ResultExport {
  /** The two export formats. */
  public enum Format {
    CSV,
    JSON
  }

  private ResultExport() {}

  public static void write(
      Writer out, Format format, List<Result> results, Map<Long, List<String>> inputs) {
    try {
      if (format == Format.CSV) {
        csv(out, results, inputs);
      } else {
        json(out, results, inputs);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void csv(Writer out, List<Result> results, Map<Long, List<String>> inputs)
      throws IOException {
    out.write("result_id,input_group_id,input_group_name,program_id,");
    if (inputs != null) {
      out.write("input,");
    }
    out.write("output,steps,security_bits,validated_at\n");
    for (Result r : results) {
      StringBuilder row = new StringBuilder();
      row.append(r.resultId()).append(',').append(r.inputGroupId()).append(',');
      row.append(cell(r.inputGroupName())).append(',').append(r.programId()).append(',');
      if (inputs != null) {
        row.append(String.join(" ", inputs.getOrDefault(r.inputGroupId(), List.of()))).append(',');
      }
      row.append(String.join(" ", r.output() == null ? List.of() : r.output())).append(',');
      row.append(r.steps()).append(',').append(r.securityBits()).append(',');
      row.append(cell(r.validatedAt())).append('\n');
      out.write(row.toString());
    }
  }

  private static void json(Writer out, List<Result> results, Map<Long, List<String>> inputs)
      throws IOException {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (Result r : results) {
      ObjectNode o = Json.MAPPER.valueToTree(r);
      o.remove("proof_url");
      if (inputs != null) {
        ArrayNode in = o.putArray("input");
        inputs.getOrDefault(r.inputGroupId(), List.of()).forEach(in::add);
      }
      array.add(o);
    }
    out.write(Json.MAPPER.writeValueAsString(array));
    out.write("\n");
  }

  /** A CSV cell, quoted when it holds a comma, quote or line break. */
  static String cell(String s) {
    if (s == null) {
      return "";
    }
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
