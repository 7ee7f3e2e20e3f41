package io.cairn.daemon.validator;

import static io.cairn.schema.jooq.Tables.CREDIT;
import static io.cairn.schema.jooq.Tables.HOST;
import static io.cairn.schema.jooq.Tables.INPUT_GROUP;
import static io.cairn.schema.jooq.Tables.LEASE;
import static io.cairn.schema.jooq.Tables.RESULT;
import static io.cairn.schema.jooq.Tables.UPLOAD;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.blob.BlobStore;
import io.cairn.blob.LocalDirectoryBlobStore;
import io.cairn.daemon.DaemonContext;
import io.cairn.daemon.DaemonEnvironment;
import io.cairn.daemon.SettableClock;
import io.cairn.daemon.testing.WorkFixtures;
import io.cairn.schema.db.CairnDatabase;
import io.cairn.schema.state.InputGroupState;
import io.cairn.schema.state.LeaseState;
import io.cairn.testkit.pg.TestDatabase;
import io.cairn.testkit.pg.TestPostgres;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidatorTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final long[] INPUT = {1, 2, 3};
  private static final long[] OUTPUT = {42};
  private static CairnDatabase db;
  private static DSLContext dsl;
  private static WorkFixtures fx;
  private static BlobStore blobs;
  private static byte[] programJson;
  private static String programKey;
  @TempDir static Path dir;
  private final SettableClock clock = new SettableClock(T0);

  @BeforeAll
  static void open() {
    TestDatabase t = TestPostgres.freshDatabase("ValidatorTest");
    db = CairnDatabase.open(t.jdbcUrl(), t.user(), t.password(), 6, "validator-test");
    dsl = db.dsl();
    fx = new WorkFixtures(dsl);
    blobs = LocalDirectoryBlobStore.open(dir.resolve("blobs"));
    programJson =
        "{\"prime\":\"0x800000000000011000000000000000000000000000000000000000000000001\"}"
            .getBytes(StandardCharsets.UTF_8);
    programKey = put("programs", programJson);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static String put(String namespace, byte[] bytes) {
    return blobs.put(namespace, new ByteArrayInputStream(bytes), 1 << 20).key().toString();
  }

  private Validator validator(String instance, int minBits) {
    return new Validator(
        dsl,
        DaemonContext.of("validator", instance, clock),
        blobs,
        new DigestProofVerifier(),
        new ValidatorSettings(20, minBits, 1.0, 100, 1 << 20));
  }

  private record Job(long group, long lease, long upload, long host) {}

  /**
   * A group of {@code program} leased and proven; {@code proofLease} is whose token the proof
   * binds.
   */
  private Job provenJob(long program, long steps, int bits, boolean proofForAnotherLease) {
    return provenJob(program, steps, bits, proofForAnotherLease, true);
  }

  private Job provenJob(
      long program, long steps, int bits, boolean proofForAnotherLease, boolean outputInUpload) {
    long host = fx.host();
    long group = fx.inputGroup(program, 0, INPUT);
    long lease = fx.lease(group, host, T0.plusSeconds(600));
    String token =
        dsl.select(LEASE.TOKEN).from(LEASE).where(LEASE.ID.eq(lease)).fetchOne().value1();
    byte[] proof =
        DigestProofVerifier.prove(
            programJson, INPUT, OUTPUT, proofForAnotherLease ? "someone-else" : token, steps, bits);
    long upload =
        fx.uploadProof(
            lease, put("proofs", proof), outputInUpload ? WorkFixtures.felts(OUTPUT) : null, steps);
    return new Job(group, lease, upload, host);
  }

  private long program(String org, int maxAttempts) {
    return fx.program(fx.organization(org), "p", programKey, maxAttempts);
  }

  @Test
  void aValidProofMakesAResultAndGrantsCredit() {
    Job job = provenJob(program("valid-org", 3), 500_000, 128, false);
    assertEquals(1, validator("a", 100).runOnePass().itemsDone(), "one upload pending");

    assertEquals(InputGroupState.VALID, fx.groupState(job.group()));
    assertEquals(LeaseState.VALID, fx.leaseState(job.lease()));
    var result = dsl.selectFrom(RESULT).where(RESULT.INPUT_GROUP_ID.eq(job.group())).fetchOne();
    assertEquals(500_000L, result.getSteps());
    assertEquals(128, result.getSecurityBits());
    assertEquals(
        0.5,
        dsl.select(CREDIT.AMOUNT)
            .from(CREDIT)
            .where(CREDIT.RESULT_ID.eq(result.getId()))
            .fetchOne()
            .value1());
    var host = dsl.selectFrom(HOST).where(HOST.ID.eq(job.host())).fetchOne();
    assertEquals(1, host.getConsecutiveValid());
    assertEquals(0.5, host.getTotalCredit());
    assertEquals(
        "VALID",
        dsl.select(UPLOAD.STATE)
            .from(UPLOAD)
            .where(UPLOAD.ID.eq(job.upload()))
            .fetchOne()
            .value1());
  }

  @Test
  void withoutAStatedOutputTheResultIsTheOutputTheProofProves() {
    Job job = provenJob(program("server-org", 3), 1000, 128, false, false);
    validator("a", 100).runOnePass();
    assertEquals(InputGroupState.VALID, fx.groupState(job.group()));
    assertArrayEquals(
        WorkFixtures.felts(OUTPUT),
        dsl.select(RESULT.OUTPUT)
            .from(RESULT)
            .where(RESULT.INPUT_GROUP_ID.eq(job.group()))
            .fetchOne()
            .value1());
  }

  @Test
  void aProofForAnotherLeaseIsInvalidAndPenalisesTheHost() {
    Job job = provenJob(program("replay-org", 3), 1000, 128, true);
    validator("a", 100).runOnePass();

    assertEquals(InputGroupState.READY, fx.groupState(job.group()));
    assertEquals(LeaseState.INVALID, fx.leaseState(job.lease()));
    var upload = dsl.selectFrom(UPLOAD).where(UPLOAD.ID.eq(job.upload())).fetchOne();
    assertEquals("INVALID", upload.getState());
    assertEquals("STARK_REJECTED", upload.getFailureKind());
    var host = dsl.selectFrom(HOST).where(HOST.ID.eq(job.host())).fetchOne();
    assertEquals(50, host.getMaxJobsPerDay());
    assertEquals(1, host.getInvalidCount());
    assertEquals(
        1,
        dsl.select(INPUT_GROUP.ATTEMPTS)
            .from(INPUT_GROUP)
            .where(INPUT_GROUP.ID.eq(job.group()))
            .fetchOne()
            .value1());
    assertEquals(0, dsl.fetchCount(RESULT, RESULT.INPUT_GROUP_ID.eq(job.group())));
  }

  @Test
  void theLastInvalidAttemptGivesUp() {
    Job job = provenJob(program("giveup-org", 1), 1000, 128, true);
    validator("a", 100).runOnePass();
    assertEquals(InputGroupState.ERROR, fx.groupState(job.group()));
    String reason =
        dsl.select(INPUT_GROUP.ERROR_REASON)
            .from(INPUT_GROUP)
            .where(INPUT_GROUP.ID.eq(job.group()))
            .fetchOne()
            .value1();
    assertTrue(reason.contains("invalid proof"), reason);
  }

  @Test
  void tooLittleSecurityIsRejected() {
    Job job = provenJob(program("weak-org", 3), 1000, 90, false);
    validator("a", 100).runOnePass();
    assertEquals(
        "INSUFFICIENT_SECURITY",
        dsl.select(UPLOAD.FAILURE_KIND)
            .from(UPLOAD)
            .where(UPLOAD.ID.eq(job.upload()))
            .fetchOne()
            .value1());
  }

  @Test
  void aMissingProgramBlobLeavesTheUploadPendingAndOthersGoOn() {
    long broken = fx.program(fx.organization("broken-org"), "p", "programs/" + "ef".repeat(32), 3);
    Job stuck = provenJob(broken, 1000, 128, false);
    Job fine = provenJob(program("fine-org", 3), 1000, 128, false);
    validator("a", 100).runOnePass();
    assertEquals(InputGroupState.PROVEN, fx.groupState(stuck.group()));
    assertEquals(
        "PENDING",
        dsl.select(UPLOAD.STATE)
            .from(UPLOAD)
            .where(UPLOAD.ID.eq(stuck.upload()))
            .fetchOne()
            .value1());
    assertEquals(InputGroupState.VALID, fx.groupState(fine.group()));
    dsl.execute("UPDATE upload SET state = 'CONSUMED' WHERE id = ?", stuck.upload());
  }

  @Test
  void twoInstancesValidateEachUploadOnce() throws Exception {
    long program = program("two-org", 3);
    int n = 10_000; // the "two instances of each daemon over 10,000 items"
    for (int i = 0; i < n; i++) {
      provenJob(program, 1000, 128, false);
    }
    int before = fx.auditCount("LEASE", "VALIDATE"); // other tests share this database
    long t0 = System.nanoTime();
    Thread ta = new Thread(() -> drain(validator("a", 100)));
    Thread tb = new Thread(() -> drain(validator("b", 100)));
    ta.start();
    tb.start();
    ta.join();
    tb.join();
    System.out.printf(
        "two validators: %d uploads in %d ms%n", n, (System.nanoTime() - t0) / 1_000_000);
    assertEquals(n, fx.auditCount("LEASE", "VALIDATE") - before, "every upload validated");
    assertEquals(1, fx.maxAuditPerRow("LEASE", "VALIDATE"));
    assertEquals(1, fx.maxAuditPerRow("INPUT_GROUP", "VALIDATE"));
    assertEquals(0, dsl.fetchCount(UPLOAD, UPLOAD.STATE.eq("PENDING")));
  }

  /** Passes until no upload is pending (bounded, so a bug cannot hang the build). */
  private void drain(Validator v) {
    long deadline = System.nanoTime() + java.time.Duration.ofMinutes(3).toNanos();
    while (dsl.fetchCount(UPLOAD, UPLOAD.STATE.eq("PENDING")) > 0 && System.nanoTime() < deadline) {
      v.runOnePass();
    }
  }

  @Test
  void theFactoryUsesTheCairoVerifierAndRefusesToStartWithout() {
    DaemonEnvironment env =
        new DaemonEnvironment(dsl, clock, "h", Map.of(), Map.of(BlobStore.class, blobs));
    DaemonContext context = DaemonContext.of("validator", "x", clock);
    assertTrue(new ValidatorFactory().create(env, context) instanceof Validator);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> ValidatorFactory.create(env, context, java.util.List.of()));
    assertTrue(e.getMessage().contains("ProofVerifier"), e.getMessage());
  }
}
