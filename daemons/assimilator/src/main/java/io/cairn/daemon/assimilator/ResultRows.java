package io.cairn.daemon.assimilator;

import static io.cairn.schema.jooq.Tables.INPUT_GROUP;
import static io.cairn.schema.jooq.Tables.ORGANIZATION;
import static io.cairn.schema.jooq.Tables.PROGRAM;
import static io.cairn.schema.jooq.Tables.RESULT;

import io.cairn.assimilator.ValidatedResult;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Reads a result with its organization, program and input group names. */
final class ResultRows {
  private ResultRows() {}

  /** The result and its organization's webhook secret, or null if the result is gone. */
  record Loaded(ValidatedResult result, String webhookSecret) {}

  static Loaded load(DSLContext dsl, long resultId) {
    Record r =
        dsl.select(
                RESULT.ID,
                ORGANIZATION.NAME,
                ORGANIZATION.WEBHOOK_SECRET,
                PROGRAM.ID,
                PROGRAM.NAME,
                INPUT_GROUP.ID,
                INPUT_GROUP.NAME,
                RESULT.OUTPUT,
                RESULT.STEPS,
                RESULT.SECURITY_BITS,
                RESULT.VALIDATED_AT)
            .from(RESULT)
            .join(ORGANIZATION)
            .on(ORGANIZATION.ID.eq(RESULT.ORGANIZATION_ID))
            .join(PROGRAM)
            .on(PROGRAM.ID.eq(RESULT.PROGRAM_ID))
            .join(INPUT_GROUP)
            .on(INPUT_GROUP.ID.eq(RESULT.INPUT_GROUP_ID))
            .where(RESULT.ID.eq(resultId))
            .fetchOne();
    if (r == null) {
      return null;
    }
    return new Loaded(
        new ValidatedResult(
            r.get(RESULT.ID),
            r.get(ORGANIZATION.NAME),
            r.get(PROGRAM.ID),
            r.get(PROGRAM.NAME),
            r.get(INPUT_GROUP.ID),
            r.get(INPUT_GROUP.NAME),
            ValidatedResult.felts(r.get(RESULT.OUTPUT)),
            r.get(RESULT.STEPS),
            r.get(RESULT.SECURITY_BITS),
            r.get(RESULT.VALIDATED_AT).toInstant()),
        r.get(ORGANIZATION.WEBHOOK_SECRET));
  }
}
