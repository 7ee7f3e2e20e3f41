package io.cairn.orgcli;

import java.util.Optional;

/**
 * Every {@code error_code} the server answers, as the CLI explains it: a one-line message for a
 * person and a distinct process exit code. Codes the CLI does not know (a newer server) map to
 * {@link #UNKNOWN}. A test checks that every code of the server's {@code ErrorCode} is here.
 */
public enum ServerErrorCode {
  // authentication and accounts
  WRONG_CREDENTIALS(10, "wrong username or password"),
  INVALID_TOKEN(11, "the session is no longer valid; run 'cairn-org login' again"),
  MISSING_TOKEN(12, "this needs a session; run 'cairn-org login' first"),
  REFRESH_TOKEN_NOT_FOUND(13, "the session expired or was revoked; run 'cairn-org login' again"),
  INVALID_CREDENTIALS(14, "the donor credentials are invalid"),
  USERNAME_ALREADY_EXISTS(15, "that username is taken; choose another"),
  ORGANIZATION_NAME_TAKEN(16, "that organization name is taken; choose another"),
  EMAIL_ALREADY_EXISTS(17, "that e-mail address is already registered"),
  ACCOUNT_NOT_FOUND(18, "no such account or organization"),
  // organizations' data
  PROGRAM_NOT_FOUND(20, "no such program (check 'cairn-org programs list')"),
  PROGRAM_NAME_TAKEN(21, "your organization already has a program with that name"),
  INVALID_PROGRAM(22, "the server refused the program"),
  INPUT_GROUP_NOT_FOUND(23, "no such input group"),
  INVALID_INPUT_GROUPS(24, "the server refused the input groups; nothing was stored"),
  INPUT_GROUP_NOT_CANCELLABLE(25, "the input group is finished and cannot be cancelled"),
  RESULT_NOT_FOUND(26, "no such result"),
  PROOF_NOT_FOUND(27, "the proof is no longer stored on the server"),
  // donor protocol (not expected by this CLI, mapped for completeness)
  LEASE_NOT_FOUND(30, "no such lease"),
  LEASE_EXPIRED(31, "the lease expired"),
  LEASE_NOT_LIVE(32, "the lease is no longer live"),
  ALREADY_UPLOADED(33, "already uploaded"),
  UNSUPPORTED_PROTOCOL(34, "the server does not speak this protocol version"),
  // requests in general
  VALIDATION_FAILED(40, "the server refused a value"),
  MALFORMED_JSON(41, "the server could not read the request"),
  UNKNOWN_FIELD(42, "the server does not know a field of the request (is the CLI newer?)"),
  BAD_BASE_64_ENCODING(43, "bad base64 encoding"),
  BODY_TOO_LARGE(44, "the request is too large for the server"),
  UPLOAD_TOO_LARGE(45, "the file is larger than the server accepts"),
  UNSUPPORTED_MEDIA_TYPE(46, "the server does not accept this content type"),
  RANGE_NOT_SATISFIABLE(47, "the requested byte range is not satisfiable"),
  NOT_FOUND(48, "the server has no such endpoint (is the server older than the CLI?)"),
  METHOD_NOT_ALLOWED(49, "the server does not allow this method here"),
  // the server's state
  RATE_LIMITED(50, "too many requests; wait a moment and retry"),
  SERVICE_UNAVAILABLE(51, "the server is temporarily unavailable; retry later"),
  INTERNAL_SERVER_ERROR(52, "the server failed (it logged the error); retry or tell the operator"),
  /** A code this CLI does not know. */
  UNKNOWN(59, "the server answered an error this CLI does not know");

  private final int exitCode;
  private final String message;

  ServerErrorCode(int exitCode, String message) {
    this.exitCode = exitCode;
    this.message = message;
  }

  /** The process exit code. */
  public int exitCode() {
    return exitCode;
  }

  /** The explanation for a person, one line. */
  public String message() {
    return message;
  }

  /** The constant for {@code code} as the server writes it, if the CLI knows it. */
  public static Optional<ServerErrorCode> find(String code) {
    if (code == null) {
      return Optional.empty();
    }
    for (ServerErrorCode c : values()) {
      if (c != UNKNOWN && c.name().equals(code)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
