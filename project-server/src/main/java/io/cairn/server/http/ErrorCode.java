package io.cairn.server.http;

/**
 * Every error the API answers: a stable machine-readable code and its HTTP status. The codes of the
 * original API sketch are kept; the rest are Cairn's.
 */
public enum ErrorCode {
  // from the original API sketch
  ACCOUNT_NOT_FOUND(404),
  PROGRAM_NOT_FOUND(404),
  PROGRAM_NAME_TAKEN(409),
  INPUT_GROUP_NOT_FOUND(404),
  BAD_BASE_64_ENCODING(422),
  WRONG_CREDENTIALS(403),
  USERNAME_ALREADY_EXISTS(409),
  REFRESH_TOKEN_NOT_FOUND(404),
  INVALID_TOKEN(403),
  INTERNAL_SERVER_ERROR(500),
  // the donor protocol
  INVALID_CREDENTIALS(401),
  EMAIL_ALREADY_EXISTS(409),
  LEASE_NOT_FOUND(404),
  LEASE_EXPIRED(410),
  LEASE_NOT_LIVE(409),
  UPLOAD_TOO_LARGE(413),
  ALREADY_UPLOADED(409),
  UNSUPPORTED_PROTOCOL(400),
  // requests in general
  MISSING_TOKEN(401),
  MALFORMED_JSON(400),
  UNKNOWN_FIELD(400),
  VALIDATION_FAILED(422),
  BODY_TOO_LARGE(413),
  UNSUPPORTED_MEDIA_TYPE(415),
  RANGE_NOT_SATISFIABLE(416),
  NOT_FOUND(404),
  METHOD_NOT_ALLOWED(405),
  RATE_LIMITED(429),
  // organizations' data
  ORGANIZATION_NAME_TAKEN(409),
  INVALID_PROGRAM(422),
  INVALID_INPUT_GROUPS(422),
  INPUT_GROUP_NOT_CANCELLABLE(409),
  RESULT_NOT_FOUND(404),
  PROOF_NOT_FOUND(404),
  SERVICE_UNAVAILABLE(503);

  private final int status;

  ErrorCode(int status) {
    this.status = status;
  }

  /** The HTTP status answered with this code. */
  public int status() {
    return status;
  }
}
