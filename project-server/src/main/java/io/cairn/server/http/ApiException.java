package io.cairn.server.http;

import io.vertx.core.json.JsonArray;

/**
 * A failure the API answers on purpose: {@link FailureHandler} turns it into {@code
 * {"status":"error","error_code":…,"error_message":…}} with the code's HTTP status, plus {@code
 * details} when there are any (for example the bad lines of a bulk upload).
 */
public final class ApiException extends RuntimeException {
  private final ErrorCode code;
  private final transient JsonArray details;

  public ApiException(ErrorCode code, String message) {
    this(code, message, null);
  }

  public ApiException(ErrorCode code, String message, JsonArray details) {
    super(message, null, false, false);
    this.code = code;
    this.details = details;
  }

  public ErrorCode code() {
    return code;
  }

  /** Extra structured information, or null. */
  public JsonArray details() {
    return details;
  }
}
