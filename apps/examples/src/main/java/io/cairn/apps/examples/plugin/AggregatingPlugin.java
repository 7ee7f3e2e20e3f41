package io.cairn.apps.examples.plugin;

import io.cairn.apps.examples.ExampleApp;
import io.cairn.assimilator.ResultPlugin;
import io.cairn.assimilator.ResultPluginException;
import io.cairn.assimilator.ValidatedResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The example assimilator plugin: folds the validated results of the example apps into one answer
 * file per (organization, program): for the Collatz search the best start and chain length overall,
 * for the prime count the total count.
 *
 * <p>Results of a program named {@code collatz} or {@code prime_count} (see {@link
 * ExampleApp#programName()}) are kept; other programs' results are ignored. The plugin is active
 * only when its directory is configured, with the system property {@value #DIRECTORY_PROPERTY} or
 * the environment variable {@value #DIRECTORY_VARIABLE}; without one, {@link #handles} is false.
 * Under that directory it writes {@code <organization>/<program>.results} (one line per result, the
 * journal that makes a repeated call harmless) and {@code <organization>/<program>.answer} (the
 * folded answer, rewritten atomically after each new result). See {@link AnswerFiles}.
 */
public final class AggregatingPlugin implements ResultPlugin {
  /** The system property naming the answers directory. */
  public static final String DIRECTORY_PROPERTY = "cairn.examples.answers-dir";

  /** The environment variable naming the answers directory (when the property is not set). */
  public static final String DIRECTORY_VARIABLE = "CAIRN_EXAMPLES_ANSWERS_DIR";

  private final Optional<AnswerFiles> files;

  /** The plugin as the assimilator's ServiceLoader builds it: configured from the environment. */
  public AggregatingPlugin() {
    this(configuredDirectory());
  }

  /** A plugin writing under {@code directory}, or inactive when it is empty. */
  public AggregatingPlugin(Optional<Path> directory) {
    this.files = directory.map(AnswerFiles::new);
  }

  /** The directory given by {@value #DIRECTORY_PROPERTY} or {@value #DIRECTORY_VARIABLE}. */
  public static Optional<Path> configuredDirectory() {
    String dir = System.getProperty(DIRECTORY_PROPERTY);
    if (dir == null || dir.isBlank()) {
      dir = System.getenv(DIRECTORY_VARIABLE);
    }
    return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
  }

  @Override
  public String name() {
    return "example-aggregator";
  }

  @Override
  public boolean handles(String organization) {
    return files.isPresent();
  }

  @Override
  public void accept(ValidatedResult result) throws ResultPluginException {
    Optional<ExampleApp> app = ExampleApp.byProgramName(result.program());
    if (files.isEmpty() || app.isEmpty()) {
      return;
    }
    try {
      files.get().add(app.get(), result);
    } catch (IOException e) {
      throw new ResultPluginException(
          "cannot record result " + result.resultId() + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new ResultPluginException(
          "result " + result.resultId() + " is not a " + app.get().programName() + " answer", e);
    }
  }
}
