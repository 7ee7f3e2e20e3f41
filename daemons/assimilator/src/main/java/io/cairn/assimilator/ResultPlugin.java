package io.cairn.assimilator;

/**
 * An organization's own code that receives its validated results inside the assimilator, the Java
 * counterpart of a webhook (BOINC's {@code assimilate_handler}).
 *
 * <p>To write one:
 *
 * <ol>
 *   <li>Depend on {@code io.cairn:cairn-assimilator} (provided scope) and implement this interface
 *       with a public no-argument constructor.
 *   <li>Return true from {@link #handles(String)} for the organization names whose results you
 *       want.
 *   <li>Do the work in {@link #accept(ValidatedResult)}: store the output, aggregate, notify. It is
 *       called <em>at least once</em> per result: after a crash or a failure it is called again, so
 *       make it idempotent (key your writes by {@link ValidatedResult#resultId()}).
 *   <li>Throw {@link ResultPluginException} when the result could not be taken now; the assimilator
 *       retries with exponential back-off and gives up (logged, recorded in {@code
 *       result.plugin_last_error}) after its configured number of attempts.
 *   <li>List the class in {@code META-INF/services/io.cairn.assimilator.ResultPlugin} and put the
 *       jar on the assimilator's class path (the {@code lib/plugins} directory of the ops layout).
 * </ol>
 *
 * <p>The assimilator calls plugins from one thread, inside the transaction that holds the result
 * row; keep calls short (seconds, not minutes).
 */
public interface ResultPlugin {

  /** A short name for logs and {@code plugin_last_error}. */
  default String name() {
    return getClass().getSimpleName();
  }

  /** Whether this plugin wants the results of the organization named {@code organization}. */
  boolean handles(String organization);

  /**
   * Takes one validated result.
   *
   * @throws ResultPluginException if it could not be taken now and should be retried later
   */
  void accept(ValidatedResult result) throws ResultPluginException;
}
