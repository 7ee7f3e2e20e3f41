package io.cairn.daemon.assimilator;

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
  private final DaemonContext context;
  private final PluginStage plugins;
  private final WebhookStage webhooks;
  private final FinishStage finish;

  public Assimilator(
      DSLContext dsl,
      DaemonContext context,
      AssimilatorSettings settings,
      List<ResultPlugin> plugins) {
    this.context = context;
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
    return PassResult.did(done);
  }

  @Override
  public void close() {
    webhooks.close();
  }
}
