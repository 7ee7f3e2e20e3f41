package io.cairn.daemon;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.ServiceLoader;

/**
 * Builds one kind of daemon by name; found by the launcher ({@code cairn-daemon <name>}) with
 * {@link ServiceLoader}. Each daemon module lists its factory in {@code
 * META-INF/services/io.cairn.daemon.DaemonFactory}.
 */
public interface DaemonFactory {

  /** The daemon's name: {@code feeder}, {@code transitioner}, ...; also its heartbeat name. */
  String name();

  /**
   * Builds the daemon, reading its settings from {@code environment.settings(name())}.
   *
   * @throws IllegalArgumentException if a setting is invalid (the launcher exits with the message)
   */
  Daemon create(DaemonEnvironment environment, DaemonContext context);

  /** Every factory on the class path. */
  static List<DaemonFactory> all() {
    List<DaemonFactory> all = new ArrayList<>();
    ServiceLoader.load(DaemonFactory.class).forEach(all::add);
    all.sort((a, b) -> a.name().compareTo(b.name()));
    return all;
  }

  /**
   * The factory named {@code name}.
   *
   * @throws NoSuchElementException if there is none, listing the names there are
   */
  static DaemonFactory named(String name) {
    List<DaemonFactory> all = all();
    return all.stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new NoSuchElementException(
                    "no daemon named '"
                        + name
                        + "'; known: "
                        + all.stream().map(DaemonFactory::name).toList()));
  }
}
