package io.cairn.apps.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.air.ProofOptions;
import io.cairn.apps.examples.ExampleApp;
import io.cairn.blob.BlobKey;
import io.cairn.orgcli.LocalVerifier;
import io.cairn.orgcli.ProofRejected;
import io.cairn.server.auth.Passwords;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The demo end to end at a small size, through exactly the demo's code: the embedded PostgreSQL,
 * local blobs, the project server, every daemon and two donor clients in this JVM; the Collatz app
 * with six input groups, proven at the validator's minimum of 80 bits. Then it checks the database
 * and the blobs themselves: every input group validated exactly once, every result the reference
 * output, every stored proof accepted by the org CLI's verify path (and refused once tampered
 * with), and the donors who did the work credited. The last test opens the server's status page of
 * the finished run in headless Chromium ({@link HeadlessChromium}; skipped without it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoEndToEndTest {
  static final int JOBS = 6;
  static final int MIN_BITS = 80;

  private Path dataDir;
  private DemoSession session;
  private DemoSession.Outcome outcome;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @BeforeAll
  void runTheDemo() throws Exception {
    dataDir = Files.createTempDirectory("cairn-e2e-");
    DemoOptions options =
        new DemoOptions(
            Optional.of(dataDir),
            0,
            2,
            JOBS,
            2,
            new ProofOptions(2, MIN_BITS + 1, 0),
            MIN_BITS,
            new Passwords(256, 1),
            Duration.ofMinutes(6),
            Duration.ofSeconds(1),
            false);
    PrintStream out = new PrintStream(new TeeStream(log, System.out), true, StandardCharsets.UTF_8);
    session = DemoSession.start(options, out);
    outcome = session.awaitAnswer();
  }

  @AfterAll
  void stop() {
    if (session != null) {
      session.close();
    }
  }

  @Test
  void theAnswerIsTheReferenceAndEveryProofWasReverified() {
    assertEquals(outcome.reference(), outcome.answer());
    assertEquals(JOBS, outcome.verifiedProofs());
    String printed = log.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("assimilated " + JOBS), printed);
    assertTrue(printed.contains("Answer over [1, 13)"), printed);
  }

  @Test
  void everyInputGroupWasValidatedExactlyOnce() throws Exception {
    assertEquals(JOBS, count("select count(*) from input_group where state = 'ASSIMILATED'"));
    assertEquals(JOBS, count("select count(*) from input_group"));
    assertEquals(
        JOBS,
        count(
            "select count(distinct entity_id) from state_change"
                + " where entity = 'INPUT_GROUP' and to_state = 'VALID'"));
    assertEquals(
        JOBS,
        count(
            "select count(*) from state_change where entity = 'INPUT_GROUP' and to_state = 'VALID'"));
    assertEquals(JOBS, count("select count(*) from result"));
    assertEquals(JOBS, count("select count(distinct input_group_id) from result"));
    assertEquals(0, count("select count(*) from result where assimilated_at is null"));
  }

  @Test
  void everyResultIsTheReferenceOutput() throws Exception {
    for (Stored s : storedResults()) {
      assertEquals(ExampleApp.COLLATZ.expectedOutput(s.input()), s.output(), s.name());
    }
  }

  @Test
  void everyStoredProofVerifiesWithTheOrgCliVerifyPathAndNotOnceTampered() throws Exception {
    byte[] program = ExampleApp.COLLATZ.compiledProgram();
    List<Stored> stored = storedResults();
    assertEquals(JOBS, stored.size());
    for (Stored s : stored) {
      byte[] proof;
      try (InputStream in = session.cairn().blobs().open(BlobKey.parse(s.proofBlob()))) {
        proof = in.readAllBytes();
      }
      assertEquals(
          s.output(),
          LocalVerifier.verify(program, s.input(), s.output(), s.lease(), MIN_BITS, proof));
      byte[] flipped = proof.clone();
      flipped[flipped.length / 2] ^= 0x10;
      assertThrows(
          ProofRejected.class,
          () -> LocalVerifier.verify(program, s.input(), s.output(), s.lease(), MIN_BITS, flipped));
      assertThrows(
          ProofRejected.class,
          () ->
              LocalVerifier.verify(
                  program, s.input(), s.output(), s.lease() + "x", MIN_BITS, proof));
    }
  }

  @Test
  void theDonorsWhoDidTheWorkWereCredited() throws Exception {
    Map<Long, Double> creditByAccount = new HashMap<>();
    Map<Long, Long> stepsByAccount = new HashMap<>();
    try (Connection c = session.cairn().database().dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select a.id, a.total_credit, coalesce(sum(r.steps), 0) from donor_account a"
                    + " left join host h on h.donor_account_id = a.id"
                    + " left join lease l on l.host_id = h.id"
                    + " left join result r on r.lease_id = l.id"
                    + " group by a.id, a.total_credit")) {
      while (rs.next()) {
        creditByAccount.put(rs.getLong(1), rs.getDouble(2));
        stepsByAccount.put(rs.getLong(1), rs.getLong(3));
      }
    }
    assertEquals(2, creditByAccount.size());
    long worked = stepsByAccount.values().stream().filter(s -> s > 0).count();
    assertTrue(worked >= 1, "someone did the work: " + stepsByAccount);
    for (Long account : creditByAccount.keySet()) {
      double expected = stepsByAccount.get(account) / 1e6; // credit-per-million-steps = 1
      assertEquals(expected, creditByAccount.get(account), 1e-9, "credit of account " + account);
    }
  }

  @Test
  void theStatusPageShowsTheFinishedRunInHeadlessChromium() throws Exception {
    Assumptions.assumeTrue(
        HeadlessChromium.available(), HeadlessChromium.BINARY + " is not installed");
    String dom =
        HeadlessChromium.dumpDom(session.cairn().url() + "/status", dataDir.resolve("chromium"));
    assertTrue(dom.contains("Cairn server status"), dom);
    assertTrue(
        Pattern.compile("<td>ASSIMILATED</td>\\s*<td>" + JOBS + "</td>").matcher(dom).find(),
        "all jobs validated and assimilated: " + dom);
    for (String daemon : List.of("feeder", "transitioner", "validator", "assimilator")) {
      assertTrue(
          Pattern.compile("<td>" + daemon + "</td>.*?<td class=\"up\">running</td>")
              .matcher(dom)
              .find(),
          daemon + " alive: " + dom);
    }
    assertFalse(dom.contains("not running"), dom);
    assertTrue(dom.contains("<td>Donor 1</td>") && dom.contains("<td>Donor 2</td>"), dom);
  }

  /** One stored result with its input, lease token and proof blob, read from the database. */
  record Stored(
      String name,
      List<BigInteger> input,
      List<BigInteger> output,
      String lease,
      String proofBlob) {}

  private List<Stored> storedResults() throws Exception {
    List<Stored> out = new ArrayList<>();
    try (Connection c = session.cairn().database().dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select g.name, r.output, l.token, u.blob_key from result r"
                    + " join input_group g on g.id = r.input_group_id"
                    + " join lease l on l.id = r.lease_id"
                    + " join upload u on u.id = r.upload_id order by r.id")) {
      while (rs.next()) {
        String name = rs.getString(1);
        List<BigInteger> input = session.inputsByName().get(name);
        out.add(new Stored(name, input, felts(rs.getBytes(2)), rs.getString(3), rs.getString(4)));
      }
    }
    return out;
  }

  private static List<BigInteger> felts(byte[] packed) {
    return io.cairn.assimilator.ValidatedResult.felts(packed);
  }

  private long count(String sql) throws Exception {
    try (Connection c = session.cairn().database().dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  DemoSession session() {
    return session;
  }

  Path dataDir() {
    return dataDir;
  }

  /** Writes to two streams: the test's log and the console. */
  static final class TeeStream extends java.io.OutputStream {
    private final java.io.OutputStream a;
    private final java.io.OutputStream b;

    TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public synchronized void write(int v) throws java.io.IOException {
      a.write(v);
      b.write(v);
    }

    @Override
    public synchronized void write(byte[] bytes, int off, int len) throws java.io.IOException {
      a.write(bytes, off, len);
      b.write(bytes, off, len);
    }
  }
}
