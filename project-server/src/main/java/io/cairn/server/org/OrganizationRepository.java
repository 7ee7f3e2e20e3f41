package io.cairn.server.org;

import static io.cairn.schema.jooq.Tables.ORGANIZATION;
import static io.cairn.schema.jooq.Tables.ORG_USER;
import static io.cairn.schema.jooq.Tables.REFRESH_TOKEN;

import io.cairn.server.http.Paging;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** All SQL about organizations, their users and refresh tokens. */
public final class OrganizationRepository {
  /** A user who may log in. */
  public record UserRow(long userId, long organizationId, String passwordHash, boolean disabled) {}

  /** The owner of a refresh token. */
  public record TokenOwner(long userId, long organizationId) {}

  /** Creates the organization and its first user (OWNER); returns {organization id, user id}. */
  public long[] register(
      DSLContext tx,
      String name,
      String publicName,
      String description,
      String username,
      String passwordHash,
      String webhookSecret) {
    long orgId =
        tx.insertInto(ORGANIZATION)
            .set(ORGANIZATION.NAME, name)
            .set(ORGANIZATION.PUBLIC_NAME, publicName)
            .set(ORGANIZATION.DESCRIPTION, description)
            .set(ORGANIZATION.WEBHOOK_SECRET, webhookSecret)
            .returning(ORGANIZATION.ID)
            .fetchOne(ORGANIZATION.ID);
    long userId =
        tx.insertInto(ORG_USER)
            .set(ORG_USER.ORGANIZATION_ID, orgId)
            .set(ORG_USER.USERNAME, username)
            .set(ORG_USER.PASSWORD_HASH, passwordHash)
            .set(ORG_USER.ROLE, "OWNER")
            .returning(ORG_USER.ID)
            .fetchOne(ORG_USER.ID);
    return new long[] {orgId, userId};
  }

  public Optional<UserRow> findUser(DSLContext tx, String username) {
    return tx.select(
            ORG_USER.ID, ORG_USER.ORGANIZATION_ID, ORG_USER.PASSWORD_HASH, ORG_USER.DISABLED)
        .from(ORG_USER)
        .where(ORG_USER.USERNAME.eq(username))
        .fetchOptional(r -> new UserRow(r.value1(), r.value2(), r.value3(), r.value4()));
  }

  public void insertRefreshToken(
      DSLContext tx, UUID id, long userId, String tokenHash, OffsetDateTime expiresAt) {
    tx.insertInto(REFRESH_TOKEN)
        .set(REFRESH_TOKEN.ID, id)
        .set(REFRESH_TOKEN.ORG_USER_ID, userId)
        .set(REFRESH_TOKEN.TOKEN_HASH, tokenHash)
        .set(REFRESH_TOKEN.EXPIRES_AT, expiresAt)
        .execute();
  }

  /**
   * Revokes the live token with {@code tokenHash}, records {@code successor} as its replacement and
   * returns its owner. A token that was already used (revoked) revokes every token of its user:
   * someone replayed a stolen token.
   */
  public Optional<TokenOwner> consumeRefreshToken(
      DSLContext tx, String tokenHash, UUID successor, OffsetDateTime now) {
    var row =
        tx.select(
                REFRESH_TOKEN.ID,
                REFRESH_TOKEN.ORG_USER_ID,
                REFRESH_TOKEN.EXPIRES_AT,
                REFRESH_TOKEN.REVOKED_AT,
                ORG_USER.ORGANIZATION_ID,
                ORG_USER.DISABLED)
            .from(REFRESH_TOKEN)
            .join(ORG_USER)
            .on(ORG_USER.ID.eq(REFRESH_TOKEN.ORG_USER_ID))
            .where(REFRESH_TOKEN.TOKEN_HASH.eq(tokenHash))
            .forUpdate()
            .of(REFRESH_TOKEN)
            .fetchOne();
    if (row == null) {
      return Optional.empty();
    }
    if (row.value4() != null) {
      revokeAllOf(tx, row.value2(), now);
      return Optional.empty();
    }
    if (!row.value3().isAfter(now) || row.value6()) {
      return Optional.empty();
    }
    tx.update(REFRESH_TOKEN)
        .set(REFRESH_TOKEN.REVOKED_AT, now)
        .set(REFRESH_TOKEN.REPLACED_BY, successor)
        .where(REFRESH_TOKEN.ID.eq(row.value1()))
        .execute();
    return Optional.of(new TokenOwner(row.value2(), row.value5()));
  }

  private void revokeAllOf(DSLContext tx, long userId, OffsetDateTime now) {
    tx.update(REFRESH_TOKEN)
        .set(REFRESH_TOKEN.REVOKED_AT, now)
        .where(REFRESH_TOKEN.ORG_USER_ID.eq(userId))
        .and(REFRESH_TOKEN.REVOKED_AT.isNull())
        .execute();
  }

  /** Revokes a live token by its secret's hash; false if there is none. */
  public boolean revokeByHash(DSLContext tx, String tokenHash, OffsetDateTime now) {
    return tx.update(REFRESH_TOKEN)
            .set(REFRESH_TOKEN.REVOKED_AT, now)
            .where(REFRESH_TOKEN.TOKEN_HASH.eq(tokenHash))
            .and(REFRESH_TOKEN.REVOKED_AT.isNull())
            .execute()
        == 1;
  }

  /** Revokes a live token of {@code userId} by id; false if the user has no such live token. */
  public boolean revokeById(DSLContext tx, UUID id, long userId, OffsetDateTime now) {
    return tx.update(REFRESH_TOKEN)
            .set(REFRESH_TOKEN.REVOKED_AT, now)
            .where(REFRESH_TOKEN.ID.eq(id))
            .and(REFRESH_TOKEN.ORG_USER_ID.eq(userId))
            .and(REFRESH_TOKEN.REVOKED_AT.isNull())
            .execute()
        == 1;
  }

  /** One page of organizations whose name starts with {@code prefix} (null: all). */
  public JsonObject list(DSLContext tx, String prefix, Paging paging) {
    Condition where =
        prefix == null
            ? DSL.trueCondition()
            : ORGANIZATION.NAME.startsWith(prefix).or(ORGANIZATION.PUBLIC_NAME.startsWith(prefix));
    long total = tx.fetchCount(ORGANIZATION, where);
    JsonArray items = new JsonArray();
    tx.select(
            ORGANIZATION.ID,
            ORGANIZATION.NAME,
            ORGANIZATION.PUBLIC_NAME,
            ORGANIZATION.DESCRIPTION,
            ORGANIZATION.CREATED_AT)
        .from(ORGANIZATION)
        .where(where)
        .orderBy(ORGANIZATION.NAME, ORGANIZATION.ID)
        .limit(paging.limit())
        .offset(paging.offset())
        .forEach(
            r ->
                items.add(
                    new JsonObject()
                        .put("id", r.value1())
                        .put("name", r.value2())
                        .put("public_name", r.value3())
                        .put("description", r.value4())
                        .put("created_at", r.value5().toString())));
    return new JsonObject().put("items", items).put("total", total);
  }
}
