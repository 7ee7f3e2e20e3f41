package io.cairn.daemon.assimilator;

import io.cairn.assimilator.ValidatedResult;
import java.math.BigInteger;

/**
 * The JSON body of a webhook delivery ({@code event: result.validated}); felts are {@code 0x} hex
 * strings so no JSON number is too large for a receiver.
 */
final class ResultJson {
  private ResultJson() {}

  static String of(ValidatedResult r, long deliveryId) {
    StringBuilder out = new StringBuilder(256);
    out.append("{\"event\":\"result.validated\"");
    out.append(",\"delivery_id\":").append(deliveryId);
    out.append(",\"result_id\":").append(r.resultId());
    out.append(",\"organization\":").append(string(r.organization()));
    out.append(",\"program_id\":").append(r.programId());
    out.append(",\"program\":").append(string(r.program()));
    out.append(",\"input_group_id\":").append(r.inputGroupId());
    out.append(",\"input_group\":").append(string(r.inputGroup()));
    out.append(",\"output\":[");
    for (int i = 0; i < r.output().size(); i++) {
      out.append(i == 0 ? "" : ",").append(felt(r.output().get(i)));
    }
    out.append("],\"steps\":").append(r.steps());
    out.append(",\"security_bits\":").append(r.securityBits());
    out.append(",\"validated_at\":").append(string(r.validatedAt().toString()));
    return out.append('}').toString();
  }

  private static String felt(BigInteger f) {
    return "\"0x" + f.toString(16) + "\"";
  }

  static String string(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
