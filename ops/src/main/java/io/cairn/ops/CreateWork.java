package io.cairn.ops;

import static io.cairn.schema.jooq.Tables.INPUT_GROUP;
import static io.cairn.schema.jooq.Tables.ORGANIZATION;
import static io.cairn.schema.jooq.Tables.PROGRAM;

import io.cairn.config.CairnConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;

/**
 * {@code bin/create_work --org ORG --program NAME [--priority N] FILE|-}: adds one READY input
 * group per line of FILE (BOINC's {@code create_work}), with the program's limits.
 *
 * <p>A line is {@code [name:] felt felt ...}: field elements in decimal or {@code 0x} hex,
 * separated by spaces or commas; blank lines and {@code #} comments are skipped. The whole file is
 * checked before anything is written, then inserted in batches of 1000 rows in one transaction.
 */
final class CreateWork {
  /** The Stark252 prime, 2^251 + 17·2^192 + 1. */
  static final BigInteger PRIME =
      BigInteger.ONE.shiftLeft(251).add(BigInteger.valueOf(17).shiftLeft(192)).add(BigInteger.ONE);

  /** One input group of the file. */
  record Job(String name, byte[] input, int inputLen) {}

  private CreateWork() {}

  static int run(CairnConfig config, List<String> args) {
    Map<String, String> o =
        CairnOps.options(args, List.of("--org", "--program", "--priority"), List.of());
    String file = o.getOrDefault("", "").trim();
    if (!o.containsKey("--org") || !o.containsKey("--program") || file.isEmpty()) {
      throw new CairnOps.UsageException("create-work: --org, --program and a FILE are required");
    }
    int priority = Integer.parseInt(o.getOrDefault("--priority", "0"));
    List<Job> jobs;
    try (BufferedReader in =
        file.equals("-")
            ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
            : Files.newBufferedReader(Path.of(file))) {
      jobs = parse(in.lines().toList(), config.limits().maxInputFelts());
    } catch (IOException e) {
      System.err.println("cannot read " + file + ": " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      System.err.println(file + ": " + e.getMessage());
      return 2;
    }
    try (OpsRuntime ops = OpsRuntime.open(config, "cairn-create-work")) {
      Record program =
          ops.database()
              .dsl()
              .select(PROGRAM.fields())
              .from(PROGRAM)
              .join(ORGANIZATION)
              .on(ORGANIZATION.ID.eq(PROGRAM.ORGANIZATION_ID))
              .where(ORGANIZATION.NAME.eq(o.get("--org")))
              .and(PROGRAM.NAME.eq(o.get("--program")))
              .fetchOne();
      if (program == null) {
        System.err.println(
            "no program '" + o.get("--program") + "' of organization '" + o.get("--org") + "'");
        return 1;
      }
      ops.database().dsl().transaction(c -> insert(c.dsl(), program, priority, jobs));
      System.out.println("created " + jobs.size() + " input groups");
      return 0;
    }
  }

  /** Parses and checks every line; throws naming the first bad line. */
  static List<Job> parse(List<String> lines, int maxFelts) {
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String name = "";
      int colon = line.indexOf(':');
      if (colon >= 0) {
        name = line.substring(0, colon).strip();
        line = line.substring(colon + 1).strip();
      }
      String[] parts = line.isEmpty() ? new String[0] : line.split("[\\s,]+");
      if (parts.length > maxFelts) {
        throw new IllegalArgumentException(
            "line " + (i + 1) + ": " + parts.length + " felts, limit " + maxFelts);
      }
      byte[] input = new byte[32 * parts.length];
      for (int k = 0; k < parts.length; k++) {
        BigInteger f = felt(parts[k], i + 1);
        byte[] be = f.toByteArray();
        int len = Math.min(be.length, 32);
        System.arraycopy(be, be.length - len, input, 32 * k + 32 - len, len);
      }
      jobs.add(new Job(name, input, parts.length));
    }
    return jobs;
  }

  private static BigInteger felt(String text, int line) {
    BigInteger v;
    try {
      v =
          text.startsWith("0x") || text.startsWith("0X")
              ? new BigInteger(text.substring(2), 16)
              : new BigInteger(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("line " + line + ": '" + text + "' is not a number");
    }
    if (v.signum() < 0) {
      v = v.mod(PRIME); // -1 means P - 1, as in Cairo
    }
    if (v.compareTo(PRIME) >= 0) {
      throw new IllegalArgumentException(
          "line " + line + ": '" + text + "' is not below the prime");
    }
    return v;
  }

  private static void insert(DSLContext tx, Record program, int priority, List<Job> jobs) {
    List<Field<?>> columns =
        List.of(
            INPUT_GROUP.PROGRAM_ID,
            INPUT_GROUP.ORGANIZATION_ID,
            INPUT_GROUP.NAME,
            INPUT_GROUP.INPUT,
            INPUT_GROUP.INPUT_LEN,
            INPUT_GROUP.PRIORITY,
            INPUT_GROUP.MAX_ATTEMPTS,
            INPUT_GROUP.MAX_STEPS,
            INPUT_GROUP.LEASE_TIMEOUT_SECONDS,
            INPUT_GROUP.EXECUTION_ONLY);
    for (int from = 0; from < jobs.size(); from += 1000) {
      InsertValuesStepN<?> insert = tx.insertInto(INPUT_GROUP, columns);
      for (Job j : jobs.subList(from, Math.min(jobs.size(), from + 1000))) {
        insert =
            insert.values(
                program.get(PROGRAM.ID),
                program.get(PROGRAM.ORGANIZATION_ID),
                j.name(),
                j.input(),
                j.inputLen(),
                priority,
                program.get(PROGRAM.MAX_ATTEMPTS),
                program.get(PROGRAM.MAX_STEPS),
                program.get(PROGRAM.LEASE_TIMEOUT_SECONDS),
                program.get(PROGRAM.EXECUTION_ONLY));
      }
      insert.execute();
    }
  }
}
