package io.cairn.orgcli.model;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A logged-in session: the server it belongs to, the user, and the current access and refresh
 * tokens with their expiry times (ISO-8601, as the server writes them). The refresh token rotates:
 * every refresh replaces both tokens, and the old refresh token dies.
 *
 * @param server the server's base URL, e.g. {@code http://127.0.0.1:8080}
 */
public record Session(
    String server,
    String username,
    long organizationId,
    long userId,
    String accessToken,
    String accessTokenExpiresAt,
    String refreshToken,
    String refreshTokenId,
    String refreshTokenExpiresAt) {

  /** True when the access token expires within {@code marginSeconds} of {@code now}. */
  public boolean accessTokenExpiresBefore(Instant now, long marginSeconds) {
    if (accessTokenExpiresAt == null) {
      return false;
    }
    try {
      return !OffsetDateTime.parse(accessTokenExpiresAt)
          .toInstant()
          .isAfter(now.plusSeconds(marginSeconds));
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  /** The same session with new tokens (as a login or refresh answers them). */
  public Session withTokens(Tokens t) {
    return new Session(
        server,
        username,
        t.organizationId(),
        t.userId(),
        t.accessToken(),
        t.accessTokenExpiresAt(),
        t.refreshToken(),
        t.refreshTokenId(),
        t.refreshTokenExpiresAt());
  }
}
