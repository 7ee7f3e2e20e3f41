package io.cairn.apps.demo;

import static io.cairn.schema.jooq.Tables.INPUT_GROUP;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * How many input groups of one program are in each state, read in one query: the demo's one-line
 * progress summaries.
 *
 * @param byState count per state name (every state of the lifecycle, zero when absent)
 */
public record JobCounts(Map<String, Integer> byState) {
  private static final String[] STATES = {
    "READY", "LEASED", "EXECUTED", "PROVING", "PROVEN", "VALID", "ASSIMILATED", "ERROR", "CANCELLED"
  };

  public JobCounts {
    byState = Map.copyOf(byState);
  }

  /** The counts of {@code programId}'s input groups now. */
  public static JobCounts of(DSLContext dsl, long programId) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String state : STATES) {
      counts.put(state, 0);
    }
    dsl.select(INPUT_GROUP.STATE, org.jooq.impl.DSL.count())
        .from(INPUT_GROUP)
        .where(INPUT_GROUP.PROGRAM_ID.eq(programId))
        .groupBy(INPUT_GROUP.STATE)
        .forEach(r -> counts.put(r.value1(), r.value2()));
    return new JobCounts(counts);
  }

  public int count(String state) {
    return byState.getOrDefault(state, 0);
  }

  public int total() {
    return byState.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Whether every group is finished (assimilated, given up or cancelled). */
  public boolean finished() {
    return count("ASSIMILATED") + count("ERROR") + count("CANCELLED") == total();
  }

  /** {@code ready 3 | leased 2 | proven 0 | valid 1 | assimilated 24} (plus errors if any). */
  public String summary() {
    String line =
        String.format(
            "ready %d | leased %d | proven %d | valid %d | assimilated %d",
            count("READY"),
            count("LEASED") + count("EXECUTED") + count("PROVING"),
            count("PROVEN"),
            count("VALID"),
            count("ASSIMILATED"));
    int failed = count("ERROR") + count("CANCELLED");
    return failed == 0 ? line : line + " | error/cancelled " + failed;
  }
}
