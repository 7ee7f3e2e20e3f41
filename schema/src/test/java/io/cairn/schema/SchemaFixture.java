package io.cairn.schema;

import static io.cairn.schema.jooq.Tables.DONOR_ACCOUNT;
import static io.cairn.schema.jooq.Tables.HOST;
import static io.cairn.schema.jooq.Tables.INPUT_GROUP;
import static io.cairn.schema.jooq.Tables.LEASE;
import static io.cairn.schema.jooq.Tables.ORGANIZATION;
import static io.cairn.schema.jooq.Tables.PROGRAM;
import static io.cairn.schema.jooq.Tables.STATE_CHANGE;

import io.cairn.schema.db.CairnDatabase;
import io.cairn.schema.jooq.tables.records.StateChangeRecord;
import io.cairn.testkit.pg.TestDatabase;
import io.cairn.testkit.pg.TestPostgres;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;

/**
 * A fresh migrated database with one organization, program, donor and host, and the rows the
 * state-machine tests create: input groups and leases in a given state, their audit trail.
 */
final class SchemaFixture implements AutoCloseable {
  final CairnDatabase db;
  final DSLContext dsl;
  final long orgId;
  final long programId;
  final long hostId;

  SchemaFixture(String purpose) {
    TestDatabase t = TestPostgres.freshDatabase(purpose);
    db = CairnDatabase.open(t.jdbcUrl(), t.user(), t.password(), 4, purpose + "-test");
    dsl = db.dsl();
    orgId =
        dsl.insertInto(ORGANIZATION)
            .set(ORGANIZATION.NAME, "acme")
            .set(ORGANIZATION.PUBLIC_NAME, "Acme Research")
            .set(ORGANIZATION.WEBHOOK_SECRET, "s")
            .returning(ORGANIZATION.ID)
            .fetchOne(ORGANIZATION.ID);
    programId =
        dsl.insertInto(PROGRAM)
            .set(PROGRAM.ORGANIZATION_ID, orgId)
            .set(PROGRAM.NAME, "collatz")
            .set(PROGRAM.BYTECODE_HASH, "ab".repeat(32))
            .set(PROGRAM.BLOB_KEY, "programs/" + "ab".repeat(32))
            .set(PROGRAM.SIZE_BYTES, 100L)
            .set(PROGRAM.SIGNATURE, new byte[64])
            .set(PROGRAM.MAX_STEPS, 1_000_000L)
            .set(PROGRAM.LEASE_TIMEOUT_SECONDS, 600)
            .set(PROGRAM.MAX_ATTEMPTS, 3)
            .returning(PROGRAM.ID)
            .fetchOne(PROGRAM.ID);
    long donor =
        dsl.insertInto(DONOR_ACCOUNT)
            .set(DONOR_ACCOUNT.EMAIL, "d@example.org")
            .set(DONOR_ACCOUNT.DISPLAY_NAME, "d")
            .set(DONOR_ACCOUNT.PASSWORD_HASH, "x")
            .set(DONOR_ACCOUNT.ACCOUNT_KEY_HASH, "k")
            .returning(DONOR_ACCOUNT.ID)
            .fetchOne(DONOR_ACCOUNT.ID);
    hostId =
        dsl.insertInto(HOST)
            .set(HOST.DONOR_ACCOUNT_ID, donor)
            .set(HOST.HOST_KEY_HASH, "h")
            .returning(HOST.ID)
            .fetchOne(HOST.ID);
  }

  long inputGroup(String state) {
    return dsl.insertInto(INPUT_GROUP)
        .set(INPUT_GROUP.PROGRAM_ID, programId)
        .set(INPUT_GROUP.ORGANIZATION_ID, orgId)
        .set(INPUT_GROUP.INPUT, new byte[32])
        .set(INPUT_GROUP.INPUT_LEN, 1)
        .set(INPUT_GROUP.STATE, state)
        .set(INPUT_GROUP.MAX_ATTEMPTS, 3)
        .set(INPUT_GROUP.MAX_STEPS, 1000L)
        .set(INPUT_GROUP.LEASE_TIMEOUT_SECONDS, 60)
        .returning(INPUT_GROUP.ID)
        .fetchOne(INPUT_GROUP.ID);
  }

  List<StateChangeRecord> auditOf(long id) {
    return dsl.selectFrom(STATE_CHANGE)
        .where(STATE_CHANGE.ENTITY.eq("INPUT_GROUP"), STATE_CHANGE.ENTITY_ID.eq(id))
        .orderBy(STATE_CHANGE.ID)
        .fetch();
  }

  long lease(long group, String state, String token) {
    return dsl.insertInto(LEASE)
        .set(LEASE.TOKEN, token)
        .set(LEASE.INPUT_GROUP_ID, group)
        .set(LEASE.HOST_ID, hostId)
        .set(LEASE.KIND, "EXECUTE_AND_PROVE")
        .set(LEASE.STATE, state)
        .set(LEASE.DEADLINE, OffsetDateTime.now().plusMinutes(10))
        .returning(LEASE.ID)
        .fetchOne(LEASE.ID);
  }

  String stateOf(long id) {
    return dsl.fetchValue(INPUT_GROUP.STATE, INPUT_GROUP.ID.eq(id));
  }

  @Override
  public void close() {
    db.close();
  }
}
