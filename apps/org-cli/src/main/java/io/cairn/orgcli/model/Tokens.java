package io.cairn.orgcli.model;

/** What {@code /auth/login} and {@code /auth/refresh} answer. */
public record Tokens(
    String accessToken,
    String accessTokenExpiresAt,
    String refreshToken,
    String refreshTokenId,
    String refreshTokenExpiresAt,
    long organizationId,
    long userId) {}
