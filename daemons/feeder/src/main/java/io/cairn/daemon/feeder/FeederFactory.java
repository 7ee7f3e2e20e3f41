package io.cairn.daemon.feeder;

import io.cairn.daemon.Daemon;
import io.cairn.daemon.DaemonContext;
import io.cairn.daemon.DaemonEnvironment;
import io.cairn.daemon.DaemonFactory;

/** Builds the {@link Feeder} ({@code cairn-daemon feeder}). */
public final class FeederFactory implements DaemonFactory {
  @Override
  public String name() {
    return "feeder";
  }

  @Override
  public Daemon create(DaemonEnvironment environment, DaemonContext context) {
    return new Feeder(
        environment.dsl(), context, FeederSettings.from(environment.settings(name())));
  }
}
