package io.cairn.server.donor;

import static io.cairn.schema.jooq.Tables.DONOR_ACCOUNT;
import static io.cairn.schema.jooq.Tables.DONOR_ACCOUNT_KEY;
import static io.cairn.schema.jooq.Tables.HOST;

import java.util.Optional;
import org.jooq.DSLContext;

/** All SQL about donor accounts, their keys and their hosts. */
public final class DonorRepository {
  /** An account that may log in. */
  public record AccountRow(long id, String passwordHash) {}

  public long createAccount(
      DSLContext tx, String email, String displayName, String passwordHash, String keyHash) {
    long id =
        tx.insertInto(DONOR_ACCOUNT)
            .set(DONOR_ACCOUNT.EMAIL, email)
            .set(DONOR_ACCOUNT.DISPLAY_NAME, displayName)
            .set(DONOR_ACCOUNT.PASSWORD_HASH, passwordHash)
            .set(DONOR_ACCOUNT.ACCOUNT_KEY_HASH, keyHash)
            .returning(DONOR_ACCOUNT.ID)
            .fetchOne(DONOR_ACCOUNT.ID);
    addKey(tx, id, keyHash);
    return id;
  }

  public void addKey(DSLContext tx, long accountId, String keyHash) {
    tx.insertInto(DONOR_ACCOUNT_KEY)
        .set(DONOR_ACCOUNT_KEY.DONOR_ACCOUNT_ID, accountId)
        .set(DONOR_ACCOUNT_KEY.KEY_HASH, keyHash)
        .execute();
  }

  public Optional<AccountRow> findByEmail(DSLContext tx, String email) {
    return tx.select(DONOR_ACCOUNT.ID, DONOR_ACCOUNT.PASSWORD_HASH)
        .from(DONOR_ACCOUNT)
        .where(DONOR_ACCOUNT.EMAIL.eq(email))
        .fetchOptional(r -> new AccountRow(r.value1(), r.value2()));
  }

  /** The account holding the key with this hash. */
  public Optional<Long> accountByKeyHash(DSLContext tx, String keyHash) {
    return tx.select(DONOR_ACCOUNT_KEY.DONOR_ACCOUNT_ID)
        .from(DONOR_ACCOUNT_KEY)
        .where(DONOR_ACCOUNT_KEY.KEY_HASH.eq(keyHash))
        .fetchOptional(DONOR_ACCOUNT_KEY.DONOR_ACCOUNT_ID);
  }

  /** Whether {@code hostId} exists with this key hash. */
  public boolean hostKeyMatches(DSLContext tx, long hostId, String keyHash) {
    return tx.fetchExists(HOST, HOST.ID.eq(hostId).and(HOST.HOST_KEY_HASH.eq(keyHash)));
  }

  public long createHost(
      DSLContext tx,
      long accountId,
      String keyHash,
      String name,
      String platform,
      int cores,
      long memoryBytes,
      String clientVersion) {
    return tx.insertInto(HOST)
        .set(HOST.DONOR_ACCOUNT_ID, accountId)
        .set(HOST.HOST_KEY_HASH, keyHash)
        .set(HOST.NAME, name)
        .set(HOST.PLATFORM, platform)
        .set(HOST.CORES, cores)
        .set(HOST.MEMORY_BYTES, memoryBytes)
        .set(HOST.CLIENT_VERSION, clientVersion)
        .returning(HOST.ID)
        .fetchOne(HOST.ID);
  }
}
