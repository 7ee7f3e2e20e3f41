package io.cairn.server;

import static io.cairn.schema.jooq.Tables.CREDIT;
import static io.cairn.schema.jooq.Tables.HOST;
import static io.cairn.schema.jooq.Tables.LEASE;
import static io.cairn.schema.jooq.Tables.RESULT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.daemon.DaemonContext;
import io.cairn.daemon.testing.WorkFixtures;
import io.cairn.daemon.validator.ProofStatement;
import io.cairn.daemon.validator.ProofVerifier;
import io.cairn.daemon.validator.Validator;
import io.cairn.daemon.validator.ValidatorSettings;
import io.cairn.daemon.validator.VerifiedProof;
import io.cairn.schema.state.InputGroupState;
import io.cairn.schema.state.LeaseState;
import io.cairn.server.scheduler.LeaseRepository;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scheduler RPC and the validator daemon on the same lease, in the interleaving that used to
 * deadlock (40P01):
 *
 * <ol>
 *   <li>the validator accepts the proof: its {@code INSERT INTO result} checks the foreign key to
 *       the lease, which takes a KEY SHARE lock on the lease row; it has not yet updated the host;
 *   <li>the host's next scheduler RPC checks in ({@code UPDATE host}: the host row is locked) and
 *       locks the lease it reports ({@code LeaseRepository.findByToken}; the RPC now does so only
 *       for an ABANDONED or FAILED report, an UPLOADED one is acknowledged without a statement);
 *   <li>the validator updates the host's credit and waits for the RPC's host lock.
 * </ol>
 *
 * <p>With {@code FOR UPDATE} in step 2 the RPC waited for the validator's KEY SHARE lock while the
 * validator waited for the RPC's host lock: a deadlock, one side aborted. {@code FOR NO KEY UPDATE}
 * does not conflict with KEY SHARE, so the RPC goes on, commits, and the validator finishes.
 */
class ValidatorLockOrderTest {
  private static final long[] OUTPUT = {42};
  private static TestServer server;
  private static DSLContext dsl;
  private static WorkFixtures fx;

  @BeforeAll
  static void open() throws Exception {
    server = TestServer.start("lock_order"); // its database and blob store; its API is not used
    dsl = server.database.dsl();
    fx = new WorkFixtures(dsl);
  }

  @AfterAll
  static void close() {
    server.close();
  }

  /** Accepts every proof: the test is about the validator's writes, not its verification. */
  private static final class AcceptAll implements ProofVerifier {
    @Override
    public VerifiedProof verify(ProofStatement statement, byte[] proof) {
      return new VerifiedProof(1000, 128);
    }

    @Override
    public List<BigInteger> claimedOutput(byte[] proof) {
      return List.of(BigInteger.valueOf(OUTPUT[0]));
    }
  }

  @Test
  void aReportArrivingWhileTheValidatorAcceptsTheLeaseDoesNotDeadlock() throws Exception {
    String programKey = put("programs", "{}".getBytes(StandardCharsets.UTF_8));
    long program = fx.program(fx.organization("lock-order"), "p", programKey, 3);
    long host = fx.host();
    long group = fx.inputGroup(program, 0, 1, 2);
    long lease = fx.lease(group, host, Instant.now().plusSeconds(600));
    fx.uploadProof(lease, put("proofs", new byte[] {1}), WorkFixtures.felts(OUTPUT), 1000);
    String token = dsl.fetchValue(LEASE.TOKEN, LEASE.ID.eq(lease));
    String keyHash = dsl.fetchValue(HOST.HOST_KEY_HASH, HOST.ID.eq(host));

    // the validator, paused before its UPDATE host until the RPC holds the host row
    var validatorAtHost = new CompletableFuture<Void>();
    var rpcHoldsHost = new CompletableFuture<Void>();
    AtomicReference<String> validatorSqlState = new AtomicReference<>();
    ExecuteListener pause =
        new ExecuteListener() {
          @Override
          public void executeStart(ExecuteContext ctx) {
            if (String.valueOf(ctx.sql())
                    .matches("(?is)update\\s+(\"?public\"?\\.)?\"?host\"?\\s.*")
                && !validatorAtHost.isDone()) {
              validatorAtHost.complete(null);
              rpcHoldsHost.orTimeout(30, TimeUnit.SECONDS).join();
            }
          }

          @Override
          public void exception(ExecuteContext ctx) {
            if (ctx.sqlException() != null) {
              validatorSqlState.compareAndSet(null, ctx.sqlException().getSQLState());
            }
          }
        };
    DSLContext validatorDsl =
        DSL.using(dsl.configuration().derive(new DefaultExecuteListenerProvider(pause)));
    Validator validator =
        new Validator(
            validatorDsl,
            DaemonContext.of("validator", "lock-order", Clock.systemUTC()),
            server.blobs,
            new AcceptAll(),
            new ValidatorSettings(10, 100, 1.0, 100, 1 << 20));
    var validated = CompletableFuture.supplyAsync(() -> validator.runOnePass().itemsDone());
    validatorAtHost.get(30, TimeUnit.SECONDS);

    // the scheduler RPC of the same host, reporting the lease, as SchedulerService does it
    LeaseRepository repo = new LeaseRepository();
    var rpcPid = new CompletableFuture<Integer>();
    var reportLocked = new CompletableFuture<Void>();
    var rpc =
        CompletableFuture.supplyAsync(
            () ->
                dsl.transactionResult(
                    c -> {
                      DSLContext tx = c.dsl();
                      int me = tx.fetchValue(DSL.field("pg_backend_pid()", Integer.class));
                      rpcPid.complete(me);
                      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                      assertTrue(
                          repo.checkIn(tx, host, keyHash, null, now, LocalDate.now(ZoneOffset.UTC))
                              .isPresent());
                      var row = repo.findByToken(tx, token, true).orElseThrow();
                      reportLocked.complete(null);
                      // keep the host row until the validator waits for it
                      awaitLockWait("pid <> " + me, validated::isDone);
                      return row;
                    }));
    int pid = rpcPid.get(30, TimeUnit.SECONDS);
    // the RPC has checked in (holds the host row) once it has its lease or waits for it
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!reportLocked.isDone() && !waitsForLock("pid = " + pid)) {
      assertTrue(System.nanoTime() < end, "the RPC neither locked the lease nor waited for it");
      Thread.sleep(5);
    }
    rpcHoldsHost.complete(null);

    LeaseRepository.LeaseRow reported;
    try {
      reported = rpc.get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new AssertionError("the scheduler RPC failed: " + sqlState(e), e);
    }
    assertEquals(1, validated.get(30, TimeUnit.SECONDS), "the validator handled the upload");
    assertNull(validatorSqlState.get(), "the validator's transaction failed");

    assertEquals(LeaseState.UPLOADED, reported.state(), "the RPC saw the lease before validation");
    assertEquals(LeaseState.VALID, fx.leaseState(lease));
    assertEquals(InputGroupState.VALID, fx.groupState(group));
    assertNotNull(dsl.fetchOne(RESULT, RESULT.LEASE_ID.eq(lease)));
    assertEquals(1, dsl.fetchCount(CREDIT, CREDIT.HOST_ID.eq(host)));
    var h = dsl.fetchOne(HOST, HOST.ID.eq(host));
    assertTrue(h.getTotalCredit() > 0, "the validator's host update committed");
    assertNotNull(h.getLastRpcAt(), "the RPC's check-in committed");
  }

  private static String put(String namespace, byte[] bytes) {
    return server.blobs.put(namespace, new ByteArrayInputStream(bytes), 1 << 20).key().toString();
  }

  private static boolean waitsForLock(String which) {
    return dsl.fetchExists(
        DSL.selectOne()
            .from("pg_stat_activity")
            .where("datname = current_database() AND wait_event_type = 'Lock' AND " + which));
  }

  /**
   * Waits until a backend other than the caller's (as {@code which} says) waits for a lock, or
   * until {@code gone} (the other side ended).
   */
  private static void awaitLockWait(String which, BooleanSupplier gone) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!waitsForLock(which) && !gone.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("the validator never waited for the host row");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        return "SQLState " + s.getSQLState();
      }
    }
    return String.valueOf(e);
  }
}
