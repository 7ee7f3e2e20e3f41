package io.cairn.ops;

import static io.cairn.schema.jooq.Tables.LEASE;
import static io.cairn.schema.jooq.Tables.RESULT;
import static io.cairn.schema.jooq.Tables.UPLOAD;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.air.ProofOptions;
import io.cairn.blob.BlobStore;
import io.cairn.blob.LocalDirectoryBlobStore;
import io.cairn.cairo.prover.CairoProofResult;
import io.cairn.cairo.prover.CairoProver;
import io.cairn.cairo.tools.asm.Assembler;
import io.cairn.cairo.tools.asm.ProgramJsonWriter;
import io.cairn.daemon.DaemonEnvironment;
import io.cairn.daemon.DaemonGroup;
import io.cairn.daemon.DaemonLoop;
import io.cairn.daemon.DaemonSettings;
import io.cairn.daemon.LoopSettings;
import io.cairn.daemon.SettableClock;
import io.cairn.daemon.testing.WorkFixtures;
import io.cairn.math.Felt;
import io.cairn.schema.db.CairnDatabase;
import io.cairn.schema.state.InputGroupState;
import io.cairn.testkit.pg.TestDatabase;
import io.cairn.testkit.pg.TestPostgres;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validator with the real Cairo verifier, as the launcher builds it (ServiceLoader): a real
 * proof of a real program is VALID and becomes a result; the same proof uploaded for another lease
 * is INVALID; then the assimilator finishes the valid one. Proofs use 81-bit options without
 * grinding (blowup 4, 41 queries) to stay fast; the validator's minimum is set to 80.
 */
class ProofPipelineTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  @TempDir Path dir;

  private static byte[] fibonacciJson() throws Exception {
    try (InputStream in = ProofPipelineTest.class.getResourceAsStream("/programs/fibonacci.casm")) {
      String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return ProgramJsonWriter.write(Assembler.assemble(source, Assembler.Mode.PROOF))
          .getBytes(StandardCharsets.UTF_8);
    }
  }

  @Test
  void realProofsAreValidatedAndReplayedOnesRejected() throws Exception {
    TestDatabase t = TestPostgres.freshDatabase("ProofPipelineTest");
    try (CairnDatabase db = CairnDatabase.open(t.jdbcUrl(), t.user(), t.password(), 4, "e2e");
        BlobStore blobs = LocalDirectoryBlobStore.open(dir.resolve("blobs"))) {
      DSLContext dsl = db.dsl();
      WorkFixtures fx = new WorkFixtures(dsl);
      byte[] json = fibonacciJson();
      String programKey =
          blobs.put("programs", new ByteArrayInputStream(json), 1 << 20).key().toString();
      long program = fx.program(fx.organization("fib-org"), "fibonacci", programKey, 3);
      long honestGroup = fx.inputGroup(program, 0, 10);
      long replayGroup = fx.inputGroup(program, 0, 10);
      long honestLease = fx.lease(honestGroup, fx.host(), T0.plusSeconds(600));
      long replayLease = fx.lease(replayGroup, fx.host(), T0.plusSeconds(600));
      String token =
          dsl.select(LEASE.TOKEN).from(LEASE).where(LEASE.ID.eq(honestLease)).fetchOne().value1();

      CairoProofResult proof =
          new CairoProver(new ProofOptions(4, 41, 0)).prove(json, List.of(Felt.of(10)), token);
      assertEquals(List.of(Felt.of(55)), proof.output());
      String proofKey =
          blobs.put("proofs", new ByteArrayInputStream(proof.proof()), 1 << 26).key().toString();
      byte[] output = WorkFixtures.felts(55);
      // as the server's upload handler records it: no separate output, the proof carries it
      fx.uploadProof(honestLease, proofKey, null, proof.steps());
      fx.uploadProof(replayLease, proofKey, null, proof.steps()); // another host replays it

      SettableClock clock = new SettableClock(T0);
      DaemonEnvironment env =
          new DaemonEnvironment(
              dsl,
              clock,
              "test-host",
              Map.of(
                  "validator", new DaemonSettings("validator", Map.of("min-security-bits", "80"))),
              Map.of(BlobStore.class, blobs));
      DaemonLoop validator =
          DaemonGroup.loop(
              io.cairn.daemon.DaemonFactory.named("validator"),
              env,
              "e2e",
              LoopSettings.defaults());
      assertEquals(2, validator.runOnce().itemsDone());

      assertEquals(InputGroupState.VALID, fx.groupState(honestGroup));
      var result = dsl.selectFrom(RESULT).where(RESULT.INPUT_GROUP_ID.eq(honestGroup)).fetchOne();
      assertArrayEquals(output, result.getOutput());
      assertEquals(proof.steps(), result.getSteps());
      assertEquals(81, result.getSecurityBits());
      assertEquals(InputGroupState.READY, fx.groupState(replayGroup));
      assertEquals(
          "STARK_REJECTED",
          dsl.select(UPLOAD.FAILURE_KIND)
              .from(UPLOAD)
              .join(LEASE)
              .on(LEASE.ID.eq(UPLOAD.LEASE_ID))
              .where(LEASE.ID.eq(replayLease))
              .fetchOne()
              .value1());

      DaemonLoop assimilator =
          DaemonGroup.loop(
              io.cairn.daemon.DaemonFactory.named("assimilator"),
              env,
              "e2e",
              LoopSettings.defaults());
      assimilator.runOnce();
      assertEquals(InputGroupState.ASSIMILATED, fx.groupState(honestGroup));
    }
  }
}
