package io.cairn.server.results;

import static io.cairn.schema.jooq.Tables.INPUT_GROUP;
import static io.cairn.schema.jooq.Tables.LEASE;
import static io.cairn.schema.jooq.Tables.RESULT;
import static io.cairn.schema.jooq.Tables.UPLOAD;

import io.cairn.server.inputs.Felts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

/** All SQL about validated results as their organization reads them. */
public final class ResultRepository {
  /** Results of {@code orgId} with id > {@code after}, oldest first. */
  public JsonArray feed(DSLContext tx, long orgId, long after, Long programId, int limit) {
    Condition where = RESULT.ORGANIZATION_ID.eq(orgId).and(RESULT.ID.gt(after));
    if (programId != null) {
      where = where.and(RESULT.PROGRAM_ID.eq(programId));
    }
    JsonArray items = new JsonArray();
    tx.select(RESULT.fields())
        .select(INPUT_GROUP.NAME, INPUT_GROUP.INPUT, LEASE.TOKEN)
        .from(RESULT)
        .join(INPUT_GROUP)
        .on(INPUT_GROUP.ID.eq(RESULT.INPUT_GROUP_ID))
        .join(LEASE)
        .on(LEASE.ID.eq(RESULT.LEASE_ID))
        .where(where)
        .orderBy(RESULT.ID)
        .limit(limit)
        .forEach(r -> items.add(toJson(r)));
    return items;
  }

  public Optional<JsonObject> find(DSLContext tx, long id, long orgId) {
    return tx.select(RESULT.fields())
        .select(INPUT_GROUP.NAME, INPUT_GROUP.INPUT, LEASE.TOKEN)
        .from(RESULT)
        .join(INPUT_GROUP)
        .on(INPUT_GROUP.ID.eq(RESULT.INPUT_GROUP_ID))
        .join(LEASE)
        .on(LEASE.ID.eq(RESULT.LEASE_ID))
        .where(RESULT.ID.eq(id))
        .and(RESULT.ORGANIZATION_ID.eq(orgId))
        .fetchOptional(this::toJson);
  }

  /** The blob key of the result's proof. */
  public Optional<String> proofBlob(DSLContext tx, long id, long orgId) {
    return tx.select(UPLOAD.BLOB_KEY)
        .from(RESULT)
        .join(UPLOAD)
        .on(UPLOAD.ID.eq(RESULT.UPLOAD_ID))
        .where(RESULT.ID.eq(id))
        .and(RESULT.ORGANIZATION_ID.eq(orgId))
        .fetchOptional(UPLOAD.BLOB_KEY);
  }

  private JsonObject toJson(Record r) {
    long id = r.get(RESULT.ID);
    return new JsonObject()
        .put("result_id", id)
        .put("input_group_id", r.get(RESULT.INPUT_GROUP_ID))
        .put("input_group_name", r.get(INPUT_GROUP.NAME))
        .put("program_id", r.get(RESULT.PROGRAM_ID))
        .put("input", new JsonArray(List.of((Object[]) Felts.decode(r.get(INPUT_GROUP.INPUT)))))
        .put("output", new JsonArray(List.of((Object[]) Felts.decode(r.get(RESULT.OUTPUT)))))
        // the proof is bound to this lease: an organization needs it to verify the proof itself
        .put("lease_token", r.get(LEASE.TOKEN))
        .put("steps", r.get(RESULT.STEPS))
        .put("security_bits", r.get(RESULT.SECURITY_BITS))
        .put("validated_at", r.get(RESULT.VALIDATED_AT).toString())
        .put("proof_url", "/api/v1/results/" + id + "/proof");
  }
}
