package io.cairn.daemon.housekeeping;

import io.cairn.blob.BlobStore;
import io.cairn.daemon.Daemon;
import io.cairn.daemon.DaemonContext;
import io.cairn.daemon.DaemonEnvironment;
import io.cairn.daemon.DaemonFactory;

/** Builds the {@link Housekeeper} ({@code cairn-daemon housekeeping}). */
public final class HousekeepingFactory implements DaemonFactory {
  @Override
  public String name() {
    return "housekeeping";
  }

  @Override
  public Daemon create(DaemonEnvironment environment, DaemonContext context) {
    return new Housekeeper(
        environment.dsl(),
        context,
        environment.service(BlobStore.class),
        HousekeepingSettings.from(environment.settings(name())));
  }
}
