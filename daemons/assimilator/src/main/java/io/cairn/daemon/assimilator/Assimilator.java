package io.cairn.daemon.assimilator;

import static io.cairn.schema.jooq.Tables.RESULT;

import io.cairn.assimilator.ResultPlugin;
import io.cairn.daemon.Daemon;
import io.cairn.daemon.DaemonContext;
import io.cairn.daemon.PassResult;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Hands each validated result to its organization, at least once: Java {@link ResultPlugin}s
 * (ServiceLoader) and signed HTTP webhooks with exponential back-off, then marks the result
 * assimilated and the input group ASSIMILATED. A pass runs three stages, each on a bounded batch:
 * plugins (and creating the deliveries) for new results, due webhook deliveries, and finishing
 * results with nothing pending.
 */
public final class Assimilator implements Daemon {
  private final DSLContext dsl;
  private final DaemonContext context;
  private final AssimilatorSettings settings;
  private final PluginStage plugins;
  private final WebhookStage webhooks;
  private final FinishStage finish;

  public Assimilator(
      DSLContext dsl,
      DaemonContext context,
      AssimilatorSettings settings,
      List<ResultPlugin> plugins) {
    this.dsl = dsl;
    this.context = context;
    this.settings = settings;
    this.plugins = new PluginStage(dsl, context, settings, plugins);
    this.webhooks = new WebhookStage(dsl, context, settings);
    this.finish = new FinishStage(dsl, context, settings);
  }

  @Override
  public PassResult runOnePass() {
    Instant now = context.clock().instant();
    long done = plugins.run(now);
    done += webhooks.run(context.clock().instant());
    done += finish.run(context.clock().instant());
    long backlog =
        done < settings.batchSize() ? 0 : dsl.fetchCount(RESULT, RESULT.ASSIMILATED_AT.isNull());
    return new PassResult(done, backlog);
  }

  @Override
  public void close() {
    webhooks.close();
  }
}
