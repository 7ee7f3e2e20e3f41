package io.cairn.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed values out of the merged settings and writes down every problem instead of stopping
 * at the first. After a problem a method returns a harmless placeholder; the loader throws all
 * problems together once every section has been read, so placeholders never escape.
 */
final class SettingsReader {
  /** A raw value and where it came from. */
  record Setting(String value, String source, boolean explicit) {}

  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB)?");
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private final Map<String, Setting> settings;
  private final Map<String, String> environment;
  private final Set<String> alreadyReported;
  private final List<ConfigProblem> problems = new ArrayList<>();

  /**
   * @param alreadyReported keys whose value was already found broken (by an unresolved {@code
   *     ${...}} reference); further complaints about them would only repeat the first
   */
  SettingsReader(
      Map<String, Setting> settings, Map<String, String> environment, Set<String> alreadyReported) {
    this.settings = settings;
    this.environment = environment;
    this.alreadyReported = Set.copyOf(alreadyReported);
  }

  List<ConfigProblem> problems() {
    return List.copyOf(problems);
  }

  void problem(String key, String message) {
    if (alreadyReported.contains(key)) {
      return;
    }
    Setting setting = settings.get(key);
    boolean unset = setting == null || (!setting.explicit() && setting.value().isBlank());
    problems.add(new ConfigProblem(key, unset ? "" : setting.source(), message));
  }

  private void invalid(String key, String expected) {
    problem(key, "\"" + raw(key) + "\" is not valid: expected " + expected);
  }

  /** Whether the file or the environment gave the key a non-blank value. */
  boolean isExplicit(String key) {
    Setting setting = settings.get(key);
    return setting != null && setting.explicit() && !setting.value().isBlank();
  }

  private String raw(String key) {
    Setting setting = settings.get(key);
    return setting == null ? "" : setting.value().strip();
  }

  Optional<String> optionalString(String key) {
    String value = raw(key);
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  String requiredString(String key, String why) {
    String value = raw(key);
    if (value.isEmpty()) {
      problem(key, "must be set " + why);
    }
    return value;
  }

  /** One of {@code allowed}; after a problem, the first of them. */
  String choice(String key, List<String> allowed) {
    String value = raw(key);
    if (!allowed.contains(value)) {
      invalid(key, "one of " + String.join(", ", allowed));
      return allowed.get(0);
    }
    return value;
  }

  boolean bool(String key) {
    String value = raw(key).toLowerCase(Locale.ROOT);
    return switch (value) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> {
        invalid(key, "true or false");
        yield false;
      }
    };
  }

  int integer(String key, int min, int max) {
    return (int) longInteger(key, min, max);
  }

  long longInteger(String key, long min, long max) {
    String value = raw(key).replace("_", "");
    try {
      long parsed = Long.parseLong(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    invalid(key, "a whole number from " + min + " to " + max);
    return min;
  }

  /** A size such as {@code 1048576}, {@code 512KiB} or {@code 16MiB}. */
  long bytes(String key, long min, long max) {
    Matcher matcher = SIZE.matcher(raw(key));
    if (matcher.matches()) {
      try {
        long number = Long.parseLong(matcher.group(1));
        long unit =
            switch (matcher.group(2) == null ? "B" : matcher.group(2)) {
              case "KiB" -> 1L << 10;
              case "MiB" -> 1L << 20;
              case "GiB" -> 1L << 30;
              default -> 1L;
            };
        long size = Math.multiplyExact(number, unit);
        if (size >= min && size <= max) {
          return size;
        }
      } catch (ArithmeticException | NumberFormatException e) {
        // reported below
      }
    }
    invalid(key, "a size from " + min + " to " + max + " bytes, e.g. 4096, 512KiB, 16MiB or 1GiB");
    return min;
  }

  /** A duration such as {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 7d} or ISO. */
  Duration duration(String key, Duration min, Duration max) {
    String value = raw(key);
    Duration parsed = null;
    Matcher matcher = DURATION.matcher(value);
    try {
      if (matcher.matches()) {
        long amount = Long.parseLong(matcher.group(1));
        parsed =
            switch (matcher.group(2)) {
              case "ms" -> Duration.ofMillis(amount);
              case "s" -> Duration.ofSeconds(amount);
              case "m" -> Duration.ofMinutes(amount);
              case "h" -> Duration.ofHours(amount);
              default -> Duration.ofDays(amount);
            };
      } else if (value.toUpperCase(Locale.ROOT).startsWith("P")) {
        parsed = Duration.parse(value.toUpperCase(Locale.ROOT));
      }
    } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
      parsed = null;
    }
    if (parsed == null || parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
      invalid(
          key,
          "a duration from " + text(min) + " to " + text(max) + ", e.g. 500ms, 30s, 5m, 2h or 7d");
      return min;
    }
    return parsed;
  }

  private static String text(Duration duration) {
    return duration.toString().substring(2).toLowerCase(Locale.ROOT);
  }

  /** A file system path, made absolute against the working directory. */
  Path path(String key) {
    String value = raw(key);
    if (value.isEmpty()) {
      problem(key, "must be set to a file system path");
      return Path.of("").toAbsolutePath();
    }
    try {
      return Path.of(value).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      invalid(key, "a file system path (" + e.getReason() + ")");
      return Path.of("").toAbsolutePath();
    }
  }

  Optional<Path> optionalPath(String key) {
    return raw(key).isEmpty() ? Optional.empty() : Optional.of(path(key));
  }

  /** An absolute http:// or https:// URL with a host. */
  Optional<URI> optionalHttpUrl(String key) {
    String value = raw(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(value);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    invalid(key, "an http:// or https:// URL with a host name, e.g. https://cairn.example.org");
    return Optional.empty();
  }

  /** A comma-separated list; blanks around items are ignored; empty means an empty list. */
  List<String> list(String key) {
    String value = raw(key);
    if (value.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(String::strip).toList();
  }

  /**
   * A secret that is either in the environment variable of {@code key} or in the file that {@code
   * fileKey} names, never both.
   */
  Optional<Secret> secret(String key, String fileKey) {
    String variable = CairnConfigLoader.environmentVariable(key);
    String fromEnvironment = environment.get(variable);
    Optional<Path> file = optionalPath(fileKey);
    if (fromEnvironment != null && !fromEnvironment.isEmpty() && file.isPresent()) {
      problem(fileKey, "set either " + variable + " or " + fileKey + ", not both");
      return Optional.empty();
    }
    if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
      return Optional.of(new Secret(fromEnvironment, "environment variable " + variable));
    }
    if (file.isEmpty()) {
      return Optional.empty();
    }
    try {
      String content = Files.readString(file.get(), StandardCharsets.UTF_8).strip();
      if (content.isEmpty()) {
        problem(fileKey, "the file " + file.get() + " is empty; expected the secret in it");
        return Optional.empty();
      }
      return Optional.of(new Secret(content, "file " + file.get()));
    } catch (IOException e) {
      problem(fileKey, "cannot read the secret from " + file.get() + " (" + e + ")");
      return Optional.empty();
    }
  }
}
