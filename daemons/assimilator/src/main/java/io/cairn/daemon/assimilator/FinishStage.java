package io.cairn.daemon.assimilator;

import static io.cairn.schema.jooq.Tables.RESULT;
import static io.cairn.schema.jooq.Tables.WEBHOOK_DELIVERY;

import io.cairn.daemon.DaemonContext;
import io.cairn.schema.state.InputGroupEvent;
import io.cairn.schema.state.InputGroupState;
import io.cairn.schema.state.Transitions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Last stage: a result whose plugins are done and whose deliveries are all DELIVERED or DEAD is
 * marked assimilated, and its input group moves VALID → ASSIMILATED.
 */
final class FinishStage {
  private final DSLContext dsl;
  private final DaemonContext context;
  private final AssimilatorSettings settings;

  FinishStage(DSLContext dsl, DaemonContext context, AssimilatorSettings settings) {
    this.dsl = dsl;
    this.context = context;
    this.settings = settings;
  }

  private static org.jooq.Condition noPendingDelivery() {
    return DSL.notExists(
        DSL.selectOne()
            .from(WEBHOOK_DELIVERY)
            .where(WEBHOOK_DELIVERY.RESULT_ID.eq(RESULT.ID))
            .and(WEBHOOK_DELIVERY.STATE.eq("PENDING")));
  }

  int run(Instant now) {
    OffsetDateTime t = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    List<Long> ready =
        dsl.select(RESULT.ID)
            .from(RESULT)
            .where(RESULT.ASSIMILATED_AT.isNull())
            .and(RESULT.PLUGINS_DONE_AT.isNotNull())
            .and(noPendingDelivery())
            .orderBy(RESULT.ID)
            .limit(settings.batchSize())
            .fetch(RESULT.ID);
    return context.items().forEach(ready, id -> "result " + id, id -> finish(id, t)).handled();
  }

  private void finish(long resultId, OffsetDateTime now) {
    dsl.transaction(
        c -> {
          DSLContext tx = c.dsl();
          Long groupId =
              tx.select(RESULT.INPUT_GROUP_ID)
                  .from(RESULT)
                  .where(RESULT.ID.eq(resultId))
                  .and(RESULT.ASSIMILATED_AT.isNull())
                  .and(RESULT.PLUGINS_DONE_AT.isNotNull())
                  .and(noPendingDelivery())
                  .forUpdate()
                  .of(RESULT)
                  .skipLocked()
                  .fetchOne(RESULT.INPUT_GROUP_ID);
          if (groupId == null) {
            return;
          }
          tx.update(RESULT).set(RESULT.ASSIMILATED_AT, now).where(RESULT.ID.eq(resultId)).execute();
          Transitions.INPUT_GROUPS.applyIfIn(
              tx,
              groupId,
              InputGroupState.VALID,
              InputGroupEvent.ASSIMILATE,
              context.actor(),
              "result " + resultId + " delivered");
        });
  }
}
