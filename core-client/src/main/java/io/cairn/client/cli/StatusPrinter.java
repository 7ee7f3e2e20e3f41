package io.cairn.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Renders a client's status (the JSON of {@code GET /status}) for a terminal, with progress bars.
 */
final class StatusPrinter {
  private static final int BAR = 30;

  private StatusPrinter() {}

  static void print(JsonNode s, PrintStream out) {
    String reason = s.path("suspendReason").isNull() ? null : s.path("suspendReason").asText();
    out.printf(
        Locale.ROOT,
        "computing: %s   computer %s   foreign CPU load: %.0f%%   cpu_usage_limit: %.0f%%"
            + "   max_ncpus_pct: %.0f%%%n",
        reason == null ? "running" : "suspended (" + reason + ")",
        s.path("userActive").asBoolean() ? "in use" : "idle",
        100 * s.path("foreignCpuLoad").asDouble(),
        s.path("preferences").path("cpu_usage_limit").asDouble(),
        s.path("preferences").path("max_ncpus_pct").asDouble());
    for (JsonNode p : s.path("projects")) {
      out.printf(
          Locale.ROOT,
          "project %s  host %d%s%s  next RPC in %ds%s%n",
          p.path("url").asText(),
          p.path("hostId").asLong(),
          p.path("noMoreWork").asBoolean() ? "  [no more work]" : "",
          p.path("detachWhenDone").asBoolean() ? "  [detaching]" : "",
          p.path("secondsToNextRpc").asLong(),
          p.path("lastMessage").isTextual() ? "  (" + p.path("lastMessage").asText() + ")" : "");
    }
    if (s.path("tasks").isEmpty()) {
      out.println("no tasks");
    }
    for (JsonNode t : s.path("tasks")) {
      double f = t.path("fractionDone").asDouble();
      int filled = (int) Math.round(f * BAR);
      String state =
          t.path("suspendedByUser").asBoolean()
              ? "suspended"
              : t.path("running").asBoolean() ? "running" : "waiting";
      out.printf(
          Locale.ROOT,
          "%-12.12s %-10s %-9s [%s%s] %5.1f%%  elapsed %s  left ~%s%s%n",
          t.path("leaseId").asText(),
          t.path("phase").asText(),
          state,
          "#".repeat(filled),
          ".".repeat(BAR - filled),
          100 * f,
          duration(t.path("elapsedSeconds").asDouble()),
          duration(t.path("remainingSeconds").asDouble()),
          t.path("reason").isTextual() ? "  " + t.path("reason").asText() : "");
    }
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
        : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
  }
}
