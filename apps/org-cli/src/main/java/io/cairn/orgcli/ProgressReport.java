package io.cairn.orgcli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The progress of a program, from its input groups counted by state: validated (VALID or
 * ASSIMILATED) out of all groups, how many are still running, and a one-line bar for a terminal.
 */
public record ProgressReport(Map<String, Long> counts) {
  /** States in lifecycle order, for display. */
  public static final List<String> STATES =
      List.of(
          "READY",
          "LEASED",
          "EXECUTED",
          "PROVING",
          "PROVEN",
          "VALID",
          "ASSIMILATED",
          "ERROR",
          "CANCELLED");

  private static final List<String> UNFINISHED =
      List.of("READY", "LEASED", "EXECUTED", "PROVING", "PROVEN");

  public ProgressReport {
    counts = Map.copyOf(counts == null ? Map.of() : counts);
  }

  public long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  public long validated() {
    return count("VALID") + count("ASSIMILATED");
  }

  public long count(String state) {
    return counts.getOrDefault(state, 0L);
  }

  /** Groups that may still change: not validated, failed or cancelled. */
  public long unfinished() {
    return UNFINISHED.stream().mapToLong(this::count).sum();
  }

  /** True when nothing is left to run (also true for a program without groups). */
  public boolean done() {
    return unfinished() == 0;
  }

  /** {@code [#########-----------] 45/100 validated (45%) READY 30 · LEASED 20 · ERROR 5}. */
  public String line(int barWidth) {
    long total = total();
    long validated = validated();
    int filled = total == 0 ? 0 : (int) (barWidth * validated / total);
    StringBuilder b = new StringBuilder("[");
    b.append("#".repeat(filled)).append("-".repeat(barWidth - filled)).append("] ");
    b.append(validated).append('/').append(total).append(" validated");
    if (total > 0) {
      b.append(" (").append(100 * validated / total).append("%)");
    }
    Map<String, Long> shown = new LinkedHashMap<>();
    for (String s : STATES) {
      if (count(s) > 0) {
        shown.put(s, count(s));
      }
    }
    counts.forEach((s, n) -> shown.putIfAbsent(s, n));
    if (!shown.isEmpty()) {
      b.append("  ");
      StringBuilder parts = new StringBuilder();
      shown.forEach(
          (s, n) -> parts.append(parts.isEmpty() ? "" : " · ").append(s).append(' ').append(n));
      b.append(parts);
    }
    return b.toString();
  }
}
