package io.cairn.config;

import java.util.List;

/**
 * A configuration that cannot be used, with a message meant for the operator who wrote it.
 *
 * <p>When it comes from {@link CairnConfigLoader}, it lists every problem found, not only the
 * first, so that one round of editing fixes them all; {@link #problems()} has them one by one.
 */
public final class ConfigException extends RuntimeException {
  private final transient List<ConfigProblem> problems;

  public ConfigException(String message) {
    super(message);
    this.problems = List.of();
  }

  /** One exception for all of {@code problems}, which must not be empty. */
  public ConfigException(List<ConfigProblem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  /** The individual problems, in the order they were found; empty for a plain message. */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String describe(List<ConfigProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    StringBuilder text =
        new StringBuilder("The configuration has ")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem" : " problems")
            .append(":");
    for (int i = 0; i < problems.size(); i++) {
      text.append(System.lineSeparator()).append("  ").append(i + 1).append(". ");
      text.append(problems.get(i));
    }
    return text.toString();
  }
}
