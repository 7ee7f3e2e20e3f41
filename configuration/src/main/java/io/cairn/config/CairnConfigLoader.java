package io.cairn.config;

import io.cairn.config.SettingsReader.Setting;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the {@link CairnConfig} from three layers, each overriding the one before: the built-in
 * defaults ({@value #DEFAULTS_RESOURCE}), one Java properties file, and environment variables
 * ({@code db.url} is overridden by {@code CAIRN_DB_URL}; see {@link #environmentVariable}).
 *
 * <p>Everything is checked before anything is returned: unknown keys in the file (with a "did you
 * mean" for typos), secrets written into the file, values of the wrong type or range, and
 * combinations that make no sense. All problems are reported together in one {@link
 * ConfigException}.
 *
 * <p>Why Java properties: the JDK reads them with no dependency, operators know the {@code
 * key=value} shape, and a flat key space maps one-to-one onto environment variables. Environment
 * variables starting with {@code CAIRN_} that match no key are ignored, because other tools (start
 * scripts) may use the prefix too; only the file is checked for typos.
 */
public final class CairnConfigLoader {
  /** The classpath resource holding every known key with its default. */
  public static final String DEFAULTS_RESOURCE = "/cairn-defaults.properties";

  /** The environment variable naming the configuration file, for {@link #fromEnvironment()}. */
  public static final String CONFIG_FILE_VARIABLE = "CAIRN_CONFIG";

  /** Keys that only the environment or a {@code *-file} key may set, never the file itself. */
  static final Map<String, String> SECRET_KEYS =
      Map.of(
          "db.password", "db.password-file",
          "blob.s3.access-key", "blob.s3.access-key-file",
          "blob.s3.secret-key", "blob.s3.secret-key-file");

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");
  private static final int MAX_REFERENCE_DEPTH = 10;

  private CairnConfigLoader() {}

  /**
   * Loads the file named by {@value #CONFIG_FILE_VARIABLE} (if set) with the process environment.
   *
   * @throws ConfigException listing every problem
   */
  public static CairnConfig fromEnvironment() {
    Map<String, String> environment = System.getenv();
    Optional<Path> file =
        Optional.ofNullable(environment.get(CONFIG_FILE_VARIABLE))
            .filter(name -> !name.isBlank())
            .map(Path::of);
    return load(file, environment);
  }

  /**
   * Loads the defaults, then {@code file} if present, then the overrides in {@code environment}.
   *
   * @param environment the environment to read {@code CAIRN_*} variables from; tests pass a map
   * @throws ConfigException listing every problem
   */
  public static CairnConfig load(Optional<Path> file, Map<String, String> environment) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(environment, "environment");
    List<ConfigProblem> problems = new ArrayList<>();
    Map<String, Setting> settings = new HashMap<>();
    readDefaults().forEach((key, value) -> settings.put(key, new Setting(value, "default", false)));
    file.ifPresent(path -> readFile(path, settings, problems));
    for (String key : knownKeys()) {
      String value = environment.get(environmentVariable(key));
      if (value != null) {
        settings.put(
            key, new Setting(value, "environment variable " + environmentVariable(key), true));
      }
    }
    Map<String, Setting> resolved = resolveReferences(settings, problems);
    Set<String> reported = new HashSet<>();
    problems.forEach(problem -> reported.add(problem.key()));
    SettingsReader reader = new SettingsReader(resolved, environment, reported);
    CairnConfig config = CairnConfig.read(reader);
    problems.addAll(reader.problems());
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return config;
  }

  /**
   * The environment variable that overrides {@code key}: {@code blob.s3.path-style} → {@code
   * CAIRN_BLOB_S3_PATH_STYLE}.
   */
  public static String environmentVariable(String key) {
    return "CAIRN_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** Every key a configuration file may contain. */
  public static SortedSet<String> knownKeys() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(readDefaults().keySet()));
  }

  private static Map<String, String> readDefaults() {
    Properties defaults = new Properties();
    try (InputStream in = CairnConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the classpath");
      }
      defaults.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEFAULTS_RESOURCE, e);
    }
    Map<String, String> map = new HashMap<>();
    defaults.stringPropertyNames().forEach(key -> map.put(key, defaults.getProperty(key)));
    return map;
  }

  private static void readFile(
      Path path, Map<String, Setting> settings, List<ConfigProblem> problems) {
    Properties properties = new Properties();
    String source = path.toAbsolutePath().normalize().toString();
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      problems.add(
          new ConfigProblem(CONFIG_FILE_VARIABLE, source, "the configuration file does not exist"));
      return;
    } catch (IOException | IllegalArgumentException e) {
      problems.add(
          new ConfigProblem(
              CONFIG_FILE_VARIABLE,
              source,
              "cannot read the configuration file: " + e.getMessage()));
      return;
    }
    Set<String> known = knownKeys();
    for (String key : new TreeSet<>(properties.stringPropertyNames())) {
      if (SECRET_KEYS.containsKey(key)) {
        problems.add(
            new ConfigProblem(
                key,
                source,
                "secrets are not read from the configuration file; set the environment variable "
                    + environmentVariable(key)
                    + " or put the secret in a file and set "
                    + SECRET_KEYS.get(key)));
      } else if (!known.contains(key)) {
        problems.add(new ConfigProblem(key, source, "unknown key" + suggestion(key, known)));
      } else {
        settings.put(key, new Setting(properties.getProperty(key), source, true));
      }
    }
  }

  private static String suggestion(String key, Set<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = EditDistance.between(key, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best != null && bestDistance <= 3
        ? "; did you mean " + best + "?"
        : "; see configuration/README.md for the list of keys";
  }

  private static Map<String, Setting> resolveReferences(
      Map<String, Setting> settings, List<ConfigProblem> problems) {
    Map<String, Setting> resolved = new HashMap<>();
    for (Map.Entry<String, Setting> entry : new TreeMap<>(settings).entrySet()) {
      Setting setting = entry.getValue();
      try {
        String value = resolve(setting.value(), settings, 0);
        resolved.put(entry.getKey(), new Setting(value, setting.source(), setting.explicit()));
      } catch (IllegalArgumentException e) {
        problems.add(new ConfigProblem(entry.getKey(), setting.source(), e.getMessage()));
        resolved.put(entry.getKey(), new Setting("", setting.source(), setting.explicit()));
      }
    }
    return resolved;
  }

  private static String resolve(String value, Map<String, Setting> settings, int depth) {
    Matcher matcher = REFERENCE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String reference = matcher.group(1);
      Setting target = settings.get(reference);
      if (target == null) {
        throw new IllegalArgumentException(
            "refers to ${" + reference + "}, which is not a known key");
      }
      if (depth >= MAX_REFERENCE_DEPTH) {
        throw new IllegalArgumentException(
            "${...} references nest too deep (a key refers to itself?)");
      }
      matcher.appendReplacement(
          out, Matcher.quoteReplacement(resolve(target.value(), settings, depth + 1)));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
