package io.cairn.server.program;

import static io.cairn.schema.jooq.Tables.INPUT_GROUP;
import static io.cairn.schema.jooq.Tables.PROGRAM;

import io.cairn.server.http.Paging;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** All SQL about programs. */
public final class ProgramRepository {
  /** A program as the scheduler and downloads need it. */
  public record ProgramInfo(
      long id, long organizationId, String blobKey, String bytecodeHash, byte[] signature) {
    /** The SHA-256 (hex) of the file: the hash part of its content-addressed blob key. */
    public String sha256() {
      return blobKey.substring(blobKey.indexOf('/') + 1);
    }
  }

  /** What an upload inserts. */
  public record NewProgram(
      long organizationId,
      String name,
      String description,
      String bytecodeHash,
      String blobKey,
      long sizeBytes,
      byte[] signature,
      String builtins,
      long maxSteps,
      int leaseTimeoutSeconds,
      int maxAttempts,
      boolean executionOnly) {}

  public long insert(DSLContext tx, NewProgram p) {
    return tx.insertInto(PROGRAM)
        .set(PROGRAM.ORGANIZATION_ID, p.organizationId())
        .set(PROGRAM.NAME, p.name())
        .set(PROGRAM.DESCRIPTION, p.description())
        .set(PROGRAM.BYTECODE_HASH, p.bytecodeHash())
        .set(PROGRAM.BLOB_KEY, p.blobKey())
        .set(PROGRAM.SIZE_BYTES, p.sizeBytes())
        .set(PROGRAM.SIGNATURE, p.signature())
        .set(PROGRAM.BUILTINS, p.builtins())
        .set(PROGRAM.MAX_STEPS, p.maxSteps())
        .set(PROGRAM.LEASE_TIMEOUT_SECONDS, p.leaseTimeoutSeconds())
        .set(PROGRAM.MAX_ATTEMPTS, p.maxAttempts())
        .set(PROGRAM.EXECUTION_ONLY, p.executionOnly())
        .returning(PROGRAM.ID)
        .fetchOne(PROGRAM.ID);
  }

  /** The program if it exists and (when {@code orgId} is not null) belongs to {@code orgId}. */
  public Optional<JsonObject> find(DSLContext tx, long id, Long orgId) {
    Condition owner = orgId == null ? DSL.trueCondition() : PROGRAM.ORGANIZATION_ID.eq(orgId);
    return tx.selectFrom(PROGRAM).where(PROGRAM.ID.eq(id)).and(owner).fetchOptional(this::toJson);
  }

  public Optional<ProgramInfo> info(DSLContext tx, long id) {
    return tx.select(
            PROGRAM.ID,
            PROGRAM.ORGANIZATION_ID,
            PROGRAM.BLOB_KEY,
            PROGRAM.BYTECODE_HASH,
            PROGRAM.SIGNATURE)
        .from(PROGRAM)
        .where(PROGRAM.ID.eq(id))
        .fetchOptional(
            r -> new ProgramInfo(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
  }

  /** Counts of the program's input groups by state. */
  public JsonObject stateCounts(DSLContext tx, long programId) {
    JsonObject counts = new JsonObject();
    tx.select(INPUT_GROUP.STATE, DSL.count())
        .from(INPUT_GROUP)
        .where(INPUT_GROUP.PROGRAM_ID.eq(programId))
        .groupBy(INPUT_GROUP.STATE)
        .forEach(r -> counts.put(r.value1(), r.value2()));
    return counts;
  }

  /** A page of programs of {@code orgId} (null: of everyone) whose name starts with a prefix. */
  public JsonObject list(DSLContext tx, Long orgId, String prefix, Paging paging) {
    Condition where = orgId == null ? DSL.trueCondition() : PROGRAM.ORGANIZATION_ID.eq(orgId);
    if (prefix != null) {
      where = where.and(PROGRAM.NAME.startsWith(prefix));
    }
    long total = tx.fetchCount(PROGRAM, where);
    JsonArray items = new JsonArray();
    tx.selectFrom(PROGRAM)
        .where(where)
        .orderBy(PROGRAM.ID)
        .limit(paging.limit())
        .offset(paging.offset())
        .forEach(r -> items.add(toJson(r)));
    return new JsonObject().put("items", items).put("total", total);
  }

  /** Deletes the program of {@code orgId} and, by cascade, everything under it. */
  public boolean delete(DSLContext tx, long id, long orgId) {
    return tx.deleteFrom(PROGRAM)
            .where(PROGRAM.ID.eq(id))
            .and(PROGRAM.ORGANIZATION_ID.eq(orgId))
            .execute()
        == 1;
  }

  private JsonObject toJson(Record r) {
    String blobKey = r.get(PROGRAM.BLOB_KEY);
    String builtins = r.get(PROGRAM.BUILTINS);
    return new JsonObject()
        .put("id", r.get(PROGRAM.ID))
        .put("organization_id", r.get(PROGRAM.ORGANIZATION_ID))
        .put("name", r.get(PROGRAM.NAME))
        .put("description", r.get(PROGRAM.DESCRIPTION))
        .put("sha256", blobKey.substring(blobKey.indexOf('/') + 1))
        .put("bytecode_hash", r.get(PROGRAM.BYTECODE_HASH))
        .put("size_bytes", r.get(PROGRAM.SIZE_BYTES))
        .put("signature", Base64.getEncoder().encodeToString(r.get(PROGRAM.SIGNATURE)))
        .put(
            "builtins",
            new JsonArray(
                builtins.isEmpty() ? java.util.List.of() : Arrays.asList(builtins.split(","))))
        .put("max_steps", r.get(PROGRAM.MAX_STEPS))
        .put("lease_timeout_seconds", r.get(PROGRAM.LEASE_TIMEOUT_SECONDS))
        .put("max_attempts", r.get(PROGRAM.MAX_ATTEMPTS))
        .put("execution_only", r.get(PROGRAM.EXECUTION_ONLY))
        .put("file_url", "/api/v1/programs/" + r.get(PROGRAM.ID) + "/file")
        .put("created_at", r.get(PROGRAM.CREATED_AT).toString());
  }
}
