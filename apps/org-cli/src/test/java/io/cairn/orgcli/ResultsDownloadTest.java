package io.cairn.orgcli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.air.ProofOptions;
import io.cairn.blob.BlobRef;
import io.cairn.cairo.prover.CairoProofResult;
import io.cairn.cairo.prover.CairoProver;
import io.cairn.math.Felt;
import io.cairn.orgcli.CliRun.Outcome;
import io.cairn.orgcli.model.CreatedGroups;
import io.cairn.orgcli.model.InputGroup;
import io.cairn.orgcli.model.Program;
import io.cairn.orgcli.model.ProgramUpload;
import io.cairn.orgcli.model.Result;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results as the organization sees them, through the Java API and the CLI. No donor or validator
 * runs here: the test proves the sum example itself and writes the rows the validator would write
 * (lease, upload, result) with the proof in the server's blob store; everything the CLI reads comes
 * from the real server's endpoints.
 */
class ResultsDownloadTest {
  private static final String PASSWORD = "correct horse battery";
  private static final String LEASE = "lease-token-results-test";

  private static InProcessServer server;
  private static Path programFile;
  private static OrgClient client;
  private static long programId;
  private static long groupId;
  private static byte[] proof;

  @TempDir static Path tmp;

  @BeforeAll
  static void validatedResult() throws Exception {
    server = new InProcessServer("org_cli_results");
    programFile = Fixtures.exampleFile(tmp, "sum");
    client = new OrgClient(server.url(), TokenStore.inMemory());
    String user = Fixtures.unique("results");
    client.register(user, PASSWORD, user, "Sums Inc.", "adds numbers");
    client.login(user, PASSWORD);
    Program p = client.uploadProgram(programFile, ProgramUpload.named("sum", "sums its input"));
    programId = p.id();
    CreatedGroups created =
        client.createInputGroups(
            programId,
            InputGroupsText.of("inline", InputGroupsText.Format.CSV, "3,4,5\n1,1\n"),
            null);
    assertEquals(2, created.created());
    groupId = created.ids().get(0);
    CairoProofResult r =
        new CairoProver(new ProofOptions(2, 8, 0))
            .prove(
                Files.readAllBytes(programFile),
                List.of(Felt.of(3), Felt.of(4), Felt.of(5)),
                LEASE);
    proof = r.proof();
    insertValidatedResult(groupId, r);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** What the validator writes for a valid proof (donor, host, lease, upload, result). */
  private static void insertValidatedResult(long group, CairoProofResult r) throws Exception {
    BlobRef blob = server.blobs.put("proofs", new ByteArrayInputStream(r.proof()), 1 << 24);
    byte[] output = new byte[32];
    r.output().get(0).writeBytesBE(output, 0);
    try (Connection c = server.database.dataSource().getConnection()) {
      long donor =
          id(
              c,
              "INSERT INTO donor_account (email, display_name, password_hash, account_key_hash)"
                  + " VALUES ('d@example.org', 'd', 'x', 'k') RETURNING id");
      long host =
          id(
              c,
              "INSERT INTO host (donor_account_id, host_key_hash) VALUES ("
                  + donor
                  + ", 'h') RETURNING id");
      long lease =
          id(
              c,
              "INSERT INTO lease (token, input_group_id, host_id, kind, state, deadline) VALUES ('"
                  + LEASE
                  + "', "
                  + group
                  + ", "
                  + host
                  + ", 'EXECUTE_AND_PROVE', 'VALID', now() + interval '1 hour') RETURNING id");
      long upload;
      try (PreparedStatement st =
          c.prepareStatement(
              "INSERT INTO upload (lease_id, kind, blob_key, size_bytes, claimed_output, steps, state)"
                  + " VALUES (?, 'PROOF', ?, ?, ?, ?, 'CONSUMED') RETURNING id")) {
        st.setLong(1, lease);
        st.setString(2, blob.key().toString());
        st.setLong(3, blob.sizeBytes());
        st.setBytes(4, output);
        st.setLong(5, r.steps());
        upload = single(st);
      }
      try (PreparedStatement st =
          c.prepareStatement(
              "INSERT INTO result (input_group_id, program_id, organization_id, lease_id, upload_id,"
                  + " output, steps, security_bits) SELECT id, program_id, organization_id, ?, ?, ?,"
                  + " ?, 12 FROM input_group WHERE id = ? RETURNING id")) {
        st.setLong(1, lease);
        st.setLong(2, upload);
        st.setBytes(3, output);
        st.setLong(4, r.steps());
        st.setLong(5, group);
        single(st);
      }
    }
  }

  private static long id(Connection c, String sql) throws Exception {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      return single(st);
    }
  }

  private static long single(PreparedStatement st) throws Exception {
    try (ResultSet rs = st.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void theJavaApiReadsResultsAndProofs() {
    List<Result> results = client.allResults(programId);
    assertEquals(1, results.size());
    Result r = results.get(0);
    assertEquals(groupId, r.inputGroupId());
    assertEquals(List.of("12"), r.output());
    assertArrayEquals(proof, client.proof(r.resultId()));
    assertEquals(r, client.result(r.resultId()));
    assertEquals(List.of(), client.results(programId, r.resultId(), 10).items());
    InputGroup g = client.inputGroup(groupId);
    assertEquals(List.of("3", "4", "5"), g.input());
    assertEquals(
        List.of(BigInteger.valueOf(12)),
        LocalVerifier.verify(
            readProgram(),
            List.of(big(3), big(4), big(5)),
            null,
            LEASE,
            1,
            client.proof(r.resultId())));
  }

  @Test
  void theCliListsExportsDownloadsAndVerifies() throws Exception {
    Path config = tmp.resolve("cli/org.json");
    CliRun cli = new CliRun(server.url(), config);
    new SessionFile(config).save(client.session());

    Outcome list = cli.run("results", "list", "sum");
    assertEquals(0, list.exitCode(), list::toString);
    assertTrue(list.out().contains("[12]") && list.out().contains("1 result(s)"), list::toString);

    Outcome csv = cli.run("results", "export", "sum", "--format", "csv", "--with-input");
    assertEquals(0, csv.exitCode(), csv::toString);
    String[] lines = csv.out().split("\n");
    assertEquals(2, lines.length, csv::toString);
    assertTrue(
        lines[1].contains("," + groupId + ",,") && lines[1].contains(",3 4 5,12,"), csv::toString);

    Path json = tmp.resolve("export.json");
    Outcome exported = cli.run("results", "export", "--format", "json", "--out", json.toString());
    assertEquals(0, exported.exitCode(), exported::toString);
    JsonNode array = Json.MAPPER.readTree(json.toFile());
    assertEquals("12", array.get(0).path("output").get(0).asText());

    Path dir = tmp.resolve("downloads");
    Outcome download = cli.run("results", "download", "sum", "--out", dir.toString());
    assertEquals(0, download.exitCode(), download::toString);
    long resultId = array.get(0).path("result_id").asLong();
    Path proofFile = dir.resolve("result-" + resultId + ".proof");
    Path resultFile = dir.resolve("result-" + resultId + ".json");
    assertArrayEquals(proof, Files.readAllBytes(proofFile));
    ResultFile meta = Json.MAPPER.readValue(resultFile.toFile(), ResultFile.class);
    assertEquals(List.of("3", "4", "5"), meta.input());
    assertEquals(List.of("12"), meta.output());
    assertEquals(LEASE, meta.leaseToken(), "the result names the lease its proof is bound to");
    Outcome again = cli.run("results", "download", "sum", "--out", dir.toString());
    assertTrue(
        again.out().contains("downloaded 0 result(s)") && again.out().contains("1 already there"),
        again::toString);

    String[] verify = {
      "verify",
      proofFile.toString(),
      "--program",
      programFile.toString(),
      "--result",
      resultFile.toString(),
      "--min-security-bits",
      "1"
    };
    // the downloaded result file carries input, output and lease: it verifies on its own
    Outcome valid = cli.run(verify);
    assertEquals(0, valid.exitCode(), valid::toString);
    assertTrue(valid.out().startsWith("VALID"), valid::toString);
    // and an explicit --lease of another lease is rejected: the proof is bound to its own
    String[] otherLease = java.util.Arrays.copyOf(verify, verify.length + 2);
    otherLease[verify.length] = "--lease";
    otherLease[verify.length + 1] = LEASE + "-other";
    assertEquals(ExitCodes.PROOF_REJECTED, cli.run(otherLease).exitCode());

    Outcome watch = cli.run("watch", "sum", "--once");
    assertTrue(watch.out().contains("READY 2"), watch::toString);
  }

  private static byte[] readProgram() {
    try {
      return Files.readAllBytes(programFile);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }
}
