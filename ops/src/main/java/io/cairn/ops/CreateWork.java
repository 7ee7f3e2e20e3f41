package io.cairn.ops;

import static io.cairn.schema.jooq.Tables.ORGANIZATION;
import static io.cairn.schema.jooq.Tables.PROGRAM;

import io.cairn.config.CairnConfig;
import io.cairn.server.inputs.Felts;
import io.cairn.server.inputs.InputGroupParser.ParsedGroup;
import io.cairn.server.inputs.InputGroupRepository;
import io.cairn.server.inputs.InputGroupRepository.ProgramDefaults;
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
import org.jooq.Record;

/**
 * {@code bin/create_work --org ORG --program NAME [--priority N] FILE|-}: adds one READY input
 * group per line of FILE (BOINC's {@code create_work}), with the program's limits.
 *
 * <p>A line is {@code [name:] felt felt ...}: field elements in decimal or {@code 0x} hex,
 * separated by spaces or commas; blank lines and {@code #} comments are skipped. The whole file is
 * checked before anything is written, then inserted in one transaction by the same repository code
 * as the server's bulk upload ({@link InputGroupRepository#insertAll}).
 */
final class CreateWork {
  /** One input group of the file. */
  record Job(String name, BigInteger[] input) {}

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
      ProgramDefaults defaults =
          new ProgramDefaults(
              program.get(PROGRAM.MAX_STEPS),
              program.get(PROGRAM.LEASE_TIMEOUT_SECONDS),
              program.get(PROGRAM.MAX_ATTEMPTS),
              program.get(PROGRAM.EXECUTION_ONLY));
      List<ParsedGroup> groups = new ArrayList<>();
      for (Job j : jobs) {
        groups.add(
            new ParsedGroup(groups.size() + 1, j.name(), j.input(), priority, null, null, null));
      }
      ops.database()
          .dsl()
          .transaction(
              c ->
                  new InputGroupRepository()
                      .insertAll(
                          c.dsl(),
                          program.get(PROGRAM.ID),
                          program.get(PROGRAM.ORGANIZATION_ID),
                          defaults,
                          groups));
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
      BigInteger[] input = new BigInteger[parts.length];
      for (int k = 0; k < parts.length; k++) {
        input[k] = felt(parts[k], i + 1);
      }
      jobs.add(new Job(name, input));
    }
    return jobs;
  }

  /** A felt as the server's upload reads it, plus Cairo's negative form: -x means P - x. */
  private static BigInteger felt(String text, int line) {
    try {
      if (text.startsWith("-")) {
        BigInteger x = Felts.parse(text.substring(1));
        return x.signum() == 0 ? x : Felts.PRIME.subtract(x);
      }
      return Felts.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("line " + line + ": " + e.getMessage());
    }
  }
}
