package io.cairn.daemon;

import java.time.Clock;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.jooq.DSLContext;

/**
 * What a {@link DaemonFactory} may use to build its daemon: the database, the clock, this host's
 * name, the daemon's own settings, and shared services such as the blob store, looked up by type
 * (so this module does not depend on every service a daemon might need).
 */
public final class DaemonEnvironment {
  private final DSLContext dsl;
  private final Clock clock;
  private final String hostname;
  private final Map<String, DaemonSettings> settings;
  private final Map<Class<?>, Object> services;

  /**
   * @param settings each daemon's settings by daemon name; a daemon without an entry gets none
   * @param services shared services by the type daemons ask for
   */
  public DaemonEnvironment(
      DSLContext dsl,
      Clock clock,
      String hostname,
      Map<String, DaemonSettings> settings,
      Map<Class<?>, Object> services) {
    this.dsl = Objects.requireNonNull(dsl, "dsl");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.hostname = Objects.requireNonNull(hostname, "hostname");
    this.settings = Map.copyOf(settings);
    this.services = Map.copyOf(services);
    services.forEach(
        (type, service) -> {
          if (!type.isInstance(service)) {
            throw new IllegalArgumentException(service + " is not a " + type.getName());
          }
        });
  }

  public DSLContext dsl() {
    return dsl;
  }

  public Clock clock() {
    return clock;
  }

  public String hostname() {
    return hostname;
  }

  public DaemonSettings settings(String daemon) {
    return settings.getOrDefault(daemon, DaemonSettings.none(daemon));
  }

  /**
   * The shared service of type {@code type}.
   *
   * @throws NoSuchElementException if the launcher did not provide one
   */
  public <T> T service(Class<T> type) {
    Object service = services.get(type);
    if (service == null) {
      throw new NoSuchElementException(
          "no " + type.getSimpleName() + " configured, but a daemon needs one");
    }
    return type.cast(service);
  }
}
