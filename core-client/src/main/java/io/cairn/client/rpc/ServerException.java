package io.cairn.client.rpc;

/**
 * A request to the project server that did not succeed: either the server answered with an error
 * envelope ({@link #status} and the stable {@link #errorCode}), or the network failed ({@link
 * #status} 0, code {@code NETWORK}).
 */
public final class ServerException extends Exception {
  private final int status;
  private final String errorCode;

  /** A failure with an HTTP status (0 for the network) and the server's error code. */
  public ServerException(int status, String errorCode, String message, Throwable cause) {
    super(errorCode + " (" + status + "): " + message, cause);
    this.status = status;
    this.errorCode = errorCode;
  }

  /** The HTTP status, or 0 when no answer arrived. */
  public int status() {
    return status;
  }

  /** The server's error code, e.g. {@code LEASE_EXPIRED}, or {@code NETWORK}. */
  public String errorCode() {
    return errorCode;
  }

  /** Whether trying again later may succeed (network, 5xx, 429). */
  public boolean retryable() {
    return status == 0 || status >= 500 || status == 429 || status == 408;
  }
}
