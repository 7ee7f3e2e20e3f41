package io.cairn.daemon.transitioner;

import io.cairn.daemon.Daemon;
import io.cairn.daemon.DaemonContext;
import io.cairn.daemon.DaemonEnvironment;
import io.cairn.daemon.DaemonFactory;

/** Builds the {@link Transitioner} ({@code cairn-daemon transitioner}). */
public final class TransitionerFactory implements DaemonFactory {
  @Override
  public String name() {
    return "transitioner";
  }

  @Override
  public Daemon create(DaemonEnvironment environment, DaemonContext context) {
    return new Transitioner(
        environment.dsl(), context, TransitionerSettings.from(environment.settings(name())));
  }
}
