package io.cairn.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The HTTP server ({@code server.*}).
 *
 * @param bindHost {@code server.host}: the address to listen on ({@code 0.0.0.0} for all)
 * @param port {@code server.port}: 0 picks a free port (tests)
 * @param publicBaseUrl {@code server.public-url}: the URL donors and organizations use, also
 *     written into program download links
 * @param jwtSecretFile {@code server.jwt-secret-file}: HMAC key for access tokens; created with a
 *     random key on first start if missing
 * @param accessTokenLifetime {@code server.access-token-minutes}
 * @param refreshTokenLifetime {@code server.refresh-token-days}
 * @param signingKeyFile {@code server.signing-key-file}: the Ed25519 key programs are signed with;
 *     created on first start if missing
 * @param defaultPageSize {@code server.default-page-size}: list size when a request gives none
 * @param maxPageSize {@code server.max-page-size}: the largest list size a request may ask for
 */
public record ServerConfig(
    String bindHost,
    int port,
    URI publicBaseUrl,
    Path jwtSecretFile,
    Duration accessTokenLifetime,
    Duration refreshTokenLifetime,
    Path signingKeyFile,
    int defaultPageSize,
    int maxPageSize) {

  public ServerConfig {
    Objects.requireNonNull(bindHost, "bindHost");
    Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
    Objects.requireNonNull(jwtSecretFile, "jwtSecretFile");
    Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
    Objects.requireNonNull(refreshTokenLifetime, "refreshTokenLifetime");
    Objects.requireNonNull(signingKeyFile, "signingKeyFile");
  }

  static ServerConfig read(SettingsReader settings) {
    String host = settings.requiredString("server.host", "to the address to listen on");
    int port = settings.integer("server.port", 0, 65535);
    URI publicUrl =
        settings
            .optionalHttpUrl("server.public-url")
            .orElseGet(() -> derivedPublicUrl(settings, host, port));
    int accessMinutes = settings.integer("server.access-token-minutes", 1, 24 * 60);
    int refreshDays = settings.integer("server.refresh-token-days", 1, 365);
    int defaultPageSize = settings.integer("server.default-page-size", 1, 10_000);
    int maxPageSize = settings.integer("server.max-page-size", 1, 10_000);
    if (defaultPageSize > maxPageSize) {
      settings.problem(
          "server.default-page-size",
          defaultPageSize + " is larger than server.max-page-size (" + maxPageSize + ")");
    }
    return new ServerConfig(
        host,
        port,
        publicUrl,
        settings.path("server.jwt-secret-file"),
        Duration.ofMinutes(accessMinutes),
        Duration.ofDays(refreshDays),
        settings.path("server.signing-key-file"),
        defaultPageSize,
        maxPageSize);
  }

  private static URI derivedPublicUrl(SettingsReader settings, String host, int port) {
    if (host.equals("0.0.0.0") || host.equals("::") || port == 0) {
      if (!settings.isExplicit("server.public-url")) {
        settings.problem(
            "server.public-url",
            "must be set when server.host is a wildcard address or server.port is 0: give the"
                + " URL clients use, e.g. https://cairn.example.org");
      }
      return URI.create("http://127.0.0.1/");
    }
    String hostPart = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + hostPart + ":" + port);
  }
}
