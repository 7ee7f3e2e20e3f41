package io.cairn.apps.demo;

import io.cairn.apps.examples.ExampleApp;
import io.cairn.apps.examples.plugin.AggregatingPlugin;
import io.cairn.apps.examples.plugin.AnswerFiles;
import io.cairn.client.rpc.ServerException;
import io.cairn.orgcli.InputGroupsText;
import io.cairn.orgcli.OrgClient;
import io.cairn.orgcli.TokenStore;
import io.cairn.orgcli.model.Program;
import io.cairn.orgcli.model.ProgramUpload;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.jooq.DSLContext;

/**
 * One run of the demo: a local Cairn project ({@link LocalCairn}), an organization that uploads the
 * Collatz app and its input groups through the org CLI's Java API ({@link OrgClient}), and donor
 * clients ({@link DonorFleet}) that run and prove the jobs. {@link #awaitAnswer} follows the jobs
 * until the example plugin has aggregated every result, re-verifies every proof as the organization
 * would, and compares the answer with the plain-Java reference.
 */
public final class DemoSession implements AutoCloseable {
  /** The organization the demo registers. */
  public static final String ORGANIZATION = "demo-lab";

  private static final ExampleApp APP = ExampleApp.COLLATZ;

  private final DemoOptions options;
  private final PrintStream out;
  private final Path dataDir;
  private final LocalCairn cairn;
  private final OrgClient org;
  private final long programId;
  private final Map<String, List<BigInteger>> inputsByName;
  private final DonorFleet donors;
  private final long startedAt;

  private DemoSession(
      DemoOptions options,
      PrintStream out,
      Path dataDir,
      LocalCairn cairn,
      OrgClient org,
      long programId,
      Map<String, List<BigInteger>> inputsByName,
      DonorFleet donors,
      long startedAt) {
    this.options = options;
    this.out = out;
    this.dataDir = dataDir;
    this.cairn = cairn;
    this.org = org;
    this.programId = programId;
    this.inputsByName = inputsByName;
    this.donors = donors;
    this.startedAt = startedAt;
  }

  /** Starts the project, uploads the app and its jobs, and starts the donors. */
  public static DemoSession start(DemoOptions options, PrintStream out)
      throws IOException, ServerException {
    long t0 = System.nanoTime();
    Path dataDir =
        options.dataDir().isPresent()
            ? Files.createDirectories(options.dataDir().get())
            : Files.createTempDirectory("cairn-demo-");
    out.println("Cairn demo, data under " + dataDir);
    System.setProperty(AggregatingPlugin.DIRECTORY_PROPERTY, dataDir.resolve("answers").toString());
    LocalCairn cairn =
        LocalCairn.start(
            dataDir,
            options.port(),
            options.minSecurityBits(),
            options.passwords(),
            line -> out.println("  [ok]  " + line));
    DonorFleet donors = null;
    try {
      out.println("  [ok]  status page: " + cairn.url() + "/status");
      OrgClient org = new OrgClient(cairn.url(), TokenStore.inMemory());
      org.register("demo-admin", "demo-admin-password", ORGANIZATION, "Demo Lab", null);
      org.login("demo-admin", "demo-admin-password");
      Path programFile = dataDir.resolve(APP.programName() + ".json");
      Files.write(programFile, APP.compiledProgram());
      Program program =
          org.uploadProgram(
              programFile,
              new ProgramUpload(
                  APP.programName(),
                  "Collatz search: the start with the longest chain in [a, b)",
                  2_000_000L,
                  600,
                  5,
                  false));
      List<List<BigInteger>> groups =
          options.jobs() == 0
              ? APP.inputGroups()
              : APP.ranges(options.jobs(), options.rangeWidth());
      Map<String, List<BigInteger>> byName = new LinkedHashMap<>();
      StringBuilder lines = new StringBuilder();
      for (List<BigInteger> g : groups) {
        String name = "[" + g.get(0) + ", " + g.get(1) + ")";
        byName.put(name, g);
        lines.append(
            String.format(
                "{\"input\": [\"%s\", \"%s\"], \"name\": \"%s\"}%n", g.get(0), g.get(1), name));
      }
      org.createInputGroups(
          program.id(),
          InputGroupsText.of("demo", InputGroupsText.Format.JSON_LINES, lines.toString()),
          null);
      out.printf(
          "  [ok]  organization '%s' uploaded program '%s' (id %d) and %d input groups over %s%n",
          ORGANIZATION, program.name(), program.id(), groups.size(), coveredRange(groups));
      donors =
          DonorFleet.start(
              cairn.url(), options.donors(), dataDir.resolve("donors"), options.proofOptions());
      out.printf(
          "  [ok]  %d donor clients attached (%s), proving with %s (%d bits)%n",
          options.donors(),
          String.join(", ", donors.donors().stream().map(DonorFleet.Donor::hostName).toList()),
          options.proofOptions(),
          options.proofOptions().conjecturedSecurityBits(16));
      return new DemoSession(options, out, dataDir, cairn, org, program.id(), byName, donors, t0);
    } catch (IOException | ServerException | RuntimeException e) {
      if (donors != null) {
        donors.close();
      }
      cairn.close();
      throw e;
    }
  }

  private static String coveredRange(List<List<BigInteger>> groups) {
    return "[" + groups.get(0).get(0) + ", " + groups.get(groups.size() - 1).get(1) + ")";
  }

  /**
   * Prints a progress line every {@code progressEvery} until every job is finished and the plugin
   * has aggregated every result; then re-verifies every result's proof and compares the answer with
   * the reference.
   *
   * @throws TimeoutException if that takes longer than the options' timeout
   * @throws DemoFailure if a job failed, a proof did not verify, or the answer is wrong
   */
  public Outcome awaitAnswer() throws InterruptedException, TimeoutException, IOException {
    long deadline = System.nanoTime() + options.timeout().toNanos();
    String last = "";
    long lastPrint = 0;
    AnswerFiles answers = new AnswerFiles(dataDir.resolve("answers"));
    while (true) {
      JobCounts counts = JobCounts.of(cairn.database().dsl(), programId);
      String summary = counts.summary();
      long now = System.nanoTime();
      if (!summary.equals(last) || now - lastPrint > 5 * options.progressEvery().toNanos()) {
        out.printf("  [%s]  %s%n", clock(), summary);
        last = summary;
        lastPrint = now;
      }
      if (counts.finished()) {
        if (counts.count("ASSIMILATED") != counts.total()) {
          throw new DemoFailure("some jobs did not finish: " + summary);
        }
        var answer = answers.answer(ORGANIZATION, APP.programName());
        if (answer.isPresent() && answer.get().results() == inputsByName.size()) {
          return check(answer.get());
        }
      }
      if (now > deadline) {
        throw new TimeoutException(
            "no answer after " + options.timeout().toSeconds() + " s: " + summary);
      }
      Thread.sleep(options.progressEvery().toMillis());
    }
  }

  private Outcome check(AnswerFiles.Answer answer) {
    DSLContext dsl = cairn.database().dsl();
    int verified =
        ResultAudit.reverifyEveryProof(
            org, dsl, programId, APP, inputsByName, options.minSecurityBits());
    Map<String, String> reference =
        APP.aggregate(inputsByName.values().stream().map(APP::expectedOutput).toList());
    if (verified != inputsByName.size() || !reference.equals(answer.values())) {
      throw new DemoFailure(
          "the answer "
              + answer.values()
              + " from "
              + verified
              + " verified results differs from the reference "
              + reference);
    }
    double seconds = (System.nanoTime() - startedAt) / 1e9;
    out.printf(
        "  [ok]  every one of the %d proofs re-verified by the organization (%d-bit minimum)%n",
        verified, options.minSecurityBits());
    out.println("  [ok]  credit granted: " + ResultAudit.creditSummary(dsl));
    out.printf(
        "Answer over %s: start %s has the longest Collatz chain, %s steps"
            + " (proof-verified, equals the plain-Java reference; %.0f s)%n",
        coveredRange(List.copyOf(inputsByName.values())),
        answer.values().get("best_start"),
        answer.values().get("best_length"),
        seconds);
    return new Outcome(programId, answer.values(), reference, verified, seconds);
  }

  private String clock() {
    long s = (System.nanoTime() - startedAt) / 1_000_000_000L;
    return String.format("%02d:%02d", s / 60, s % 60);
  }

  /**
   * What a finished run found.
   *
   * @param programId the uploaded program's id
   * @param answer the aggregated answer the plugin wrote
   * @param reference the same computed in plain Java
   * @param verifiedProofs how many result proofs the organization re-verified
   * @param seconds from start to answer
   */
  public record Outcome(
      long programId,
      Map<String, String> answer,
      Map<String, String> reference,
      int verifiedProofs,
      double seconds) {}

  public LocalCairn cairn() {
    return cairn;
  }

  public DonorFleet donors() {
    return donors;
  }

  public OrgClient org() {
    return org;
  }

  public long programId() {
    return programId;
  }

  /** The inputs of the uploaded input groups, by input group name. */
  public Map<String, List<BigInteger>> inputsByName() {
    return inputsByName;
  }

  /** Stops the donors, then the project. */
  @Override
  public void close() {
    try {
      donors.close();
    } finally {
      cairn.close();
    }
  }
}
