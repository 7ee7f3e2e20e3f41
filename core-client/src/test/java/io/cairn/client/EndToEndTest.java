package io.cairn.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.blob.BlobKey;
import io.cairn.cairo.air.CairoVerifier;
import io.cairn.math.Felt;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole client against a real server: attach, fetch, verify, execute, prove, upload, report.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndTest {
  private TestProject project;

  @BeforeAll
  void start() throws Exception {
    project = new TestProject("client_e2e");
  }

  @AfterAll
  void stop() {
    project.close();
  }

  @Test
  void provesEveryLeaseUploadsOnceAndReports(@TempDir Path stateDir) throws Exception {
    byte[] program = TestProject.sumProgram();
    long id = project.uploadProgram("sum", program, 100_000, false);
    project.addInputGroups(id, List.of(10L, 20L, 30L));
    try (CoreClient client = CoreClient.start(Clients.fast(new FixedSensor()).build(), stateDir)) {
      client.attach(project.url(), project.accountKey());
      client.attach(project.url(), project.accountKey()); // idempotent
      Clients.await(
          "three proofs uploaded and reported",
          Duration.ofSeconds(90),
          () -> {
            try {
              return project.queryLong(
                          "select count(*) from upload u join lease l on l.id = u.lease_id"
                              + " join input_group g on g.id = l.input_group_id"
                              + " where g.program_id = "
                              + id)
                      == 3
                  && client.status().tasks().isEmpty();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
      assertEquals(1, client.status().projects().size());
    }
    assertEquals(
        3,
        project.queryLong(
            "select count(*) from lease l join input_group g on g.id = l.input_group_id"
                + " where g.program_id = "
                + id));
    // every uploaded proof is a real one: it verifies for its lease, input and claimed output
    try (Connection c = project.testDb.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select l.token, u.blob_key, g.id from upload u join lease l on l.id = u.lease_id"
                    + " join input_group g on g.id = l.input_group_id where g.program_id = "
                    + id)) {
      int n = 0;
      while (rs.next()) {
        byte[] proof;
        try (InputStream in = project.blobs.open(BlobKey.parse(rs.getString(2)))) {
          proof = in.readAllBytes();
        }
        List<Felt> output = CairoVerifier.claimedOutput(proof);
        long term = output.get(0).toBigInteger().longValueExact();
        long k = Math.round((Math.sqrt(8.0 * term + 1) - 1) / 2);
        assertEquals(term, k * (k + 1) / 2, "output is a triangular number");
        CairoVerifier.verify(program, List.of(Felt.of(k)), output, rs.getString(1), 5, proof);
        n++;
      }
      assertEquals(3, n);
    }
    assertTrue(Files.exists(stateDir.resolve("client_state.json")));
  }

  @Test
  void executionOnlyLeasesUploadTheTraceBundle(@TempDir Path stateDir) throws Exception {
    long id = project.uploadProgram("sum-execute-only", TestProject.sumProgram(), 100_000, true);
    project.addInputGroups(id, List.of(40L));
    ClientSettings.Builder b = Clients.fast(new FixedSensor());
    b.kinds = java.util.Set.of("EXECUTE");
    try (CoreClient client = CoreClient.start(b.build(), stateDir)) {
      client.attach(project.url(), project.accountKey());
      Clients.await(
          "the trace uploaded and reported",
          Duration.ofSeconds(60),
          () -> {
            try {
              return project.queryLong("select count(*) from upload where kind = 'TRACE'") == 1
                  && client.status().tasks().isEmpty();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
    }
    try (Connection c = project.testDb.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select blob_key from upload where kind = 'TRACE'")) {
      rs.next();
      byte[] bundle;
      try (InputStream in = project.blobs.open(BlobKey.parse(rs.getString(1)))) {
        bundle = in.readAllBytes();
      }
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bundle);
      byte[] magic = new byte[8];
      buf.get(magic);
      assertEquals("CAIRNTB1", new String(magic, java.nio.charset.StandardCharsets.US_ASCII));
      long steps = buf.getLong();
      assertEquals(24 * steps, buf.getLong(), "24 bytes per step of trace");
    }
  }

  @Test
  void oneClientServesTwoProjects(@TempDir Path stateDir) throws Exception {
    try (TestProject second = new TestProject("client_e2e_second")) {
      long a = project.uploadProgram("sum-a", TestProject.sumProgram(), 100_000, false);
      project.addInputGroups(a, List.of(11L));
      long b = second.uploadProgram("sum-b", TestProject.sumProgram(), 100_000, false);
      second.addInputGroups(b, List.of(12L));
      long before = project.queryLong("select count(*) from upload");
      try (CoreClient client =
          CoreClient.start(Clients.fast(new FixedSensor()).build(), stateDir)) {
        client.attach(project.url(), project.accountKey());
        client.attach(second.url(), second.accountKey());
        Clients.await(
            "a proof for each project",
            Duration.ofSeconds(60),
            () -> {
              try {
                return project.queryLong("select count(*) from upload") == before + 1
                    && second.queryLong("select count(*) from upload") == 1
                    && client.status().tasks().isEmpty();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
        assertEquals(2, client.status().projects().size());
      }
    }
  }

  @Test
  void proveLeaseProvesTheTraceAnotherHostUploaded(
      @TempDir Path executorDir, @TempDir Path proverDir) throws Exception {
    byte[] program = TestProject.sumProgram();
    long id = project.uploadProgram("sum-split", program, 100_000, true);
    project.addInputGroups(id, List.of(25L));
    String uploadsOfThisProgram =
        "select count(*) from upload u join lease l on l.id = u.lease_id"
            + " join input_group g on g.id = l.input_group_id where g.program_id = "
            + id
            + " and u.kind = ";
    ClientSettings.Builder executor = Clients.fast(new FixedSensor());
    executor.kinds = java.util.Set.of("EXECUTE");
    try (CoreClient client = CoreClient.start(executor.build(), executorDir)) {
      client.attach(project.url(), project.accountKey());
      Clients.await(
          "the trace uploaded",
          Duration.ofSeconds(60),
          () -> {
            try {
              return project.queryLong(uploadsOfThisProgram + "'TRACE'") == 1;
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
    }
    ClientSettings.Builder prover = Clients.fast(new FixedSensor());
    prover.kinds = java.util.Set.of("PROVE");
    prover.hostName = "prover-host";
    try (CoreClient client = CoreClient.start(prover.build(), proverDir)) {
      client.attach(project.url(), project.accountKey());
      Clients.await(
          "the proof of the uploaded trace",
          Duration.ofSeconds(60),
          () -> {
            try {
              return project.queryLong(uploadsOfThisProgram + "'PROOF'") == 1
                  && client.status().tasks().isEmpty();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
    }
    try (Connection c = project.testDb.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select l.token, u.blob_key from upload u join lease l on l.id = u.lease_id"
                    + " join input_group g on g.id = l.input_group_id where u.kind = 'PROOF'"
                    + " and l.kind = 'PROVE' and g.program_id = "
                    + id)) {
      assertTrue(rs.next());
      byte[] proof;
      try (InputStream in = project.blobs.open(BlobKey.parse(rs.getString(2)))) {
        proof = in.readAllBytes();
      }
      List<Felt> output = CairoVerifier.claimedOutput(proof);
      assertEquals(List.of(Felt.of(25 * 26 / 2)), output);
      CairoVerifier.verify(program, List.of(Felt.of(25)), output, rs.getString(1), 5, proof);
    }
  }
}
