package io.cairn.daemon.housekeeping;

import static io.cairn.schema.jooq.Tables.STATE_CHANGE;
import static io.cairn.schema.jooq.Tables.UPLOAD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.blob.BlobKey;
import io.cairn.blob.BlobStore;
import io.cairn.blob.LocalDirectoryBlobStore;
import io.cairn.daemon.DaemonContext;
import io.cairn.daemon.SettableClock;
import io.cairn.daemon.testing.WorkFixtures;
import io.cairn.schema.db.CairnDatabase;
import io.cairn.testkit.pg.TestDatabase;
import io.cairn.testkit.pg.TestPostgres;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HousekeeperTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static CairnDatabase db;
  private static DSLContext dsl;
  private static WorkFixtures fx;
  @TempDir static Path dir;
  private static BlobStore blobs;
  private final SettableClock clock = new SettableClock(T0);

  @BeforeAll
  static void open() {
    TestDatabase t = TestPostgres.freshDatabase("HousekeeperTest");
    db = CairnDatabase.open(t.jdbcUrl(), t.user(), t.password(), 4, "housekeeping-test");
    dsl = db.dsl();
    fx = new WorkFixtures(dsl);
    blobs = LocalDirectoryBlobStore.open(dir.resolve("blobs"));
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private Housekeeper housekeeper() {
    return new Housekeeper(
        dsl,
        DaemonContext.of("housekeeping", "a", clock),
        blobs,
        new HousekeepingSettings(
            Duration.ofDays(7),
            Duration.ofDays(90),
            Duration.ofDays(30),
            Duration.ofDays(1),
            Duration.ofDays(7),
            1000,
            10));
  }

  private record Proven(long group, long upload, BlobKey key) {}

  private Proven proven(long program, String content) {
    BlobKey key =
        blobs
            .put("proofs", new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), 1000)
            .key();
    long group = fx.inputGroup(program, 0, 1);
    long lease = fx.lease(group, fx.host(), T0.plusSeconds(60));
    long upload = fx.uploadProof(lease, key.toString(), WorkFixtures.felts(1), 10);
    return new Proven(group, upload, key);
  }

  @Test
  void deletesBlobsOfFinishedWorkAfterTheRetentionOnly() {
    long program = fx.program(fx.organization("hk-org"), "p", "programs/" + "ab".repeat(32), 3);
    Proven old = proven(program, "old proof");
    Proven recent = proven(program, "recent proof");
    Proven live = proven(program, "live proof");
    dsl.execute(
        "UPDATE input_group SET state = 'ASSIMILATED', updated_at = ?::timestamptz WHERE id = ?",
        WorkFixtures.utc(T0.minus(Duration.ofDays(8))),
        old.group());
    dsl.execute(
        "UPDATE input_group SET state = 'ASSIMILATED', updated_at = ?::timestamptz WHERE id = ?",
        WorkFixtures.utc(T0.minus(Duration.ofDays(1))),
        recent.group());

    housekeeper().runOnePass();

    assertFalse(blobs.exists(old.key()));
    assertNotNull(
        dsl.select(UPLOAD.BLOB_DELETED_AT)
            .from(UPLOAD)
            .where(UPLOAD.ID.eq(old.upload()))
            .fetchOne()
            .value1());
    assertTrue(blobs.exists(recent.key()));
    assertTrue(blobs.exists(live.key()));
    assertNull(
        dsl.select(UPLOAD.BLOB_DELETED_AT)
            .from(UPLOAD)
            .where(UPLOAD.ID.eq(live.upload()))
            .fetchOne()
            .value1());
  }

  @Test
  void purgesOldAuditRowsInBatches() {
    dsl.execute(
        "INSERT INTO state_change (entity, entity_id, from_state, to_state, event, actor, changed_at)"
            + " SELECT 'LEASE', s, 'ACTIVE', 'EXPIRED', 'EXPIRE', 'test', ?::timestamptz"
            + " FROM generate_series(1, 2500) s",
        WorkFixtures.utc(T0.minus(Duration.ofDays(100))));
    int recent =
        dsl.fetchCount(
            STATE_CHANGE,
            STATE_CHANGE.CHANGED_AT.gt(WorkFixtures.utc(T0.minus(Duration.ofDays(90)))));

    housekeeper().runOnePass();

    assertEquals(recent, dsl.fetchCount(STATE_CHANGE));
  }

  @Test
  void purgesExpiredRefreshTokensAndSilentHeartbeats() {
    long org = fx.organization("token-org");
    long user =
        dsl.fetchOne(
                "INSERT INTO org_user (organization_id, username, password_hash)"
                    + " VALUES (?, 'alice', 'x') RETURNING id",
                org)
            .get(0, Long.class);
    for (Duration expiresIn : new Duration[] {Duration.ofDays(-3), Duration.ofDays(3)}) {
      dsl.execute(
          "INSERT INTO refresh_token (id, org_user_id, token_hash, expires_at)"
              + " VALUES (gen_random_uuid(), ?, md5(random()::text), ?::timestamptz)",
          user,
          WorkFixtures.utc(T0.plus(expiresIn)));
    }
    dsl.execute(
        "INSERT INTO daemon_heartbeat (daemon, instance, hostname, pid, started_at, beat_at)"
            + " VALUES ('feeder', 'gone', 'h', 1, ?::timestamptz, ?::timestamptz)",
        WorkFixtures.utc(T0.minus(Duration.ofDays(30))),
        WorkFixtures.utc(T0.minus(Duration.ofDays(8))));

    housekeeper().runOnePass();

    assertEquals(1, dsl.fetchCount(dsl.selectFrom("refresh_token")));
    assertEquals(0, dsl.fetchCount(dsl.selectFrom("daemon_heartbeat").where("instance = 'gone'")));
  }
}
