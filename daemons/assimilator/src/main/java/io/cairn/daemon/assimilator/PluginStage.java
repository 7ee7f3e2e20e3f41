package io.cairn.daemon.assimilator;

import static io.cairn.schema.jooq.Tables.RESULT;

import io.cairn.assimilator.ResultPlugin;
import io.cairn.assimilator.ResultPluginException;
import io.cairn.daemon.DaemonContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First stage for each new result: creates its webhook deliveries (one per active webhook of the
 * organization) and hands it to the organization's Java plugins, inside one transaction that holds
 * the result row ({@code SKIP LOCKED}, so other instances take other results). A failing plugin is
 * retried with back-off, and given up (logged, recorded) after the configured attempts.
 */
final class PluginStage {
  private static final Logger log = LoggerFactory.getLogger(PluginStage.class);

  private static final String CREATE_DELIVERIES =
      """
      INSERT INTO webhook_delivery (webhook_id, result_id, next_attempt_at, created_at)
      SELECT w.id, r.id, ?::timestamptz, ?::timestamptz
      FROM result r JOIN webhook w ON w.organization_id = r.organization_id AND w.active
      WHERE r.id = ?
      ON CONFLICT (webhook_id, result_id) DO NOTHING
      """;

  private final DSLContext dsl;
  private final DaemonContext context;
  private final AssimilatorSettings settings;
  private final List<ResultPlugin> plugins;

  PluginStage(
      DSLContext dsl,
      DaemonContext context,
      AssimilatorSettings settings,
      List<ResultPlugin> plugins) {
    this.dsl = dsl;
    this.context = context;
    this.settings = settings;
    this.plugins = List.copyOf(plugins);
  }

  int run(Instant now) {
    OffsetDateTime t = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    List<Long> due =
        dsl.select(RESULT.ID)
            .from(RESULT)
            .where(RESULT.PLUGINS_DONE_AT.isNull())
            .and(RESULT.PLUGIN_NEXT_ATTEMPT_AT.isNull().or(RESULT.PLUGIN_NEXT_ATTEMPT_AT.le(t)))
            .orderBy(RESULT.ID)
            .limit(settings.batchSize())
            .fetch(RESULT.ID);
    return context.items().forEach(due, id -> "result " + id, id -> handle(id, t)).handled();
  }

  private void handle(long resultId, OffsetDateTime now) {
    dsl.transaction(
        c -> {
          DSLContext tx = c.dsl();
          Record2<Long, Integer> row =
              tx.select(RESULT.ID, RESULT.PLUGIN_ATTEMPTS)
                  .from(RESULT)
                  .where(RESULT.ID.eq(resultId))
                  .and(RESULT.PLUGINS_DONE_AT.isNull())
                  .forUpdate()
                  .skipLocked()
                  .fetchOne();
          if (row == null) {
            return; // another instance has it, or it is done
          }
          tx.execute(CREATE_DELIVERIES, now, now, resultId);
          ResultRows.Loaded loaded = ResultRows.load(tx, resultId);
          int attempts = row.value2() + 1;
          String failure = callPlugins(loaded);
          var update =
              tx.update(RESULT)
                  .set(RESULT.PLUGIN_ATTEMPTS, attempts)
                  .set(RESULT.PLUGIN_LAST_ERROR, failure);
          if (failure == null) {
            update.set(RESULT.PLUGINS_DONE_AT, now).where(RESULT.ID.eq(resultId)).execute();
          } else if (attempts >= settings.pluginMaxAttempts()) {
            log.error(
                "{}: result {}: plugins gave up after {} attempts: {}",
                context.actor(),
                resultId,
                attempts,
                failure);
            update
                .set(RESULT.PLUGINS_DONE_AT, now)
                .set(
                    RESULT.PLUGIN_LAST_ERROR, "gave up after " + attempts + " attempts: " + failure)
                .where(RESULT.ID.eq(resultId))
                .execute();
          } else {
            log.warn(
                "{}: result {}: plugin failed (attempt {}), retrying: {}",
                context.actor(),
                resultId,
                attempts,
                failure);
            update
                .set(RESULT.PLUGIN_NEXT_ATTEMPT_AT, now.plus(settings.backoffAfter(attempts)))
                .where(RESULT.ID.eq(resultId))
                .execute();
          }
        });
  }

  /** Calls every plugin that handles the organization; returns the first failure, or null. */
  private String callPlugins(ResultRows.Loaded loaded) {
    for (ResultPlugin plugin : plugins) {
      if (!plugin.handles(loaded.result().organization())) {
        continue;
      }
      try {
        plugin.accept(loaded.result());
      } catch (ResultPluginException | RuntimeException e) {
        return plugin.name() + ": " + e.getMessage();
      }
    }
    return null;
  }
}
