package io.cairn.daemon.assimilator;

import io.cairn.assimilator.ResultPlugin;
import io.cairn.daemon.Daemon;
import io.cairn.daemon.DaemonContext;
import io.cairn.daemon.DaemonEnvironment;
import io.cairn.daemon.DaemonFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link Assimilator} ({@code cairn-daemon assimilator}) with every {@link ResultPlugin}
 * on the class path.
 */
public final class AssimilatorFactory implements DaemonFactory {
  @Override
  public String name() {
    return "assimilator";
  }

  @Override
  public Daemon create(DaemonEnvironment environment, DaemonContext context) {
    List<ResultPlugin> plugins = new ArrayList<>();
    ServiceLoader.load(ResultPlugin.class).forEach(plugins::add);
    LoggerFactory.getLogger(AssimilatorFactory.class)
        .info("assimilator plugins: {}", plugins.stream().map(ResultPlugin::name).toList());
    return new Assimilator(
        environment.dsl(),
        context,
        AssimilatorSettings.from(environment.settings(name())),
        plugins);
  }
}
