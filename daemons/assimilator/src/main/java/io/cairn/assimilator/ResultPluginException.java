package io.cairn.assimilator;

/** A {@link ResultPlugin} could not take a result now; the assimilator retries later. */
public class ResultPluginException extends Exception {
  private static final long serialVersionUID = 1L;

  public ResultPluginException(String message) {
    super(message);
  }

  public ResultPluginException(String message, Throwable cause) {
    super(message, cause);
  }
}
