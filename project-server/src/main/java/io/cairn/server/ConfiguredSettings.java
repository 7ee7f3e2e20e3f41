package io.cairn.server;

import io.cairn.config.CairnConfig;
import io.cairn.server.auth.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * {@link ServerSettings} from the shared configuration ({@code server.*}, {@code limits.*}, {@code
 * daemons.feeder.*}). The JWT secret and the program-signing key live in the files the
 * configuration names; both are generated (mode 600) on the first start if missing. The signing key
 * file holds the 32-byte Ed25519 seed in hex.
 */
public final class ConfiguredSettings {
  private ConfiguredSettings() {}

  /**
   * The server's settings.
   *
   * @param embeddedFeeder fill the segment in-process (true when no feeder daemon runs on this
   *     host)
   */
  public static ServerSettings from(CairnConfig config, boolean embeddedFeeder) {
    var server = config.server();
    var limits = config.limits();
    ServerSettings.Builder b = ServerSettings.builder();
    b.host = server.bindHost();
    b.port = server.port();
    b.accessTokenTtl = server.accessTokenLifetime();
    b.refreshTokenTtl = server.refreshTokenLifetime();
    b.jwtSecret =
        readOrCreate(server.jwtSecretFile(), () -> Secrets.newToken() + Secrets.newToken()).trim();
    b.serverKeySeed =
        HexFormat.of()
            .parseHex(
                readOrCreate(
                        server.signingKeyFile(),
                        () -> {
                          byte[] seed = new byte[32];
                          new SecureRandom().nextBytes(seed);
                          return HexFormat.of().formatHex(seed);
                        })
                    .trim());
    b.maxProgramBytes = limits.maxProgramBytes();
    b.maxInputFelts = Math.max(1, limits.maxInputFelts());
    b.maxUploadBytes = limits.maxUploadBytes();
    b.accountRatePerSecond = limits.requestsPerMinutePerAccount() / 60.0;
    b.hostRatePerSecond = limits.requestsPerMinutePerHost() / 60.0;
    b.segmentFile = config.daemons().feederSegmentFile();
    b.segmentSlots = config.daemons().feederSegmentSlots();
    b.embeddedFeeder = embeddedFeeder;
    return b.build();
  }

  private static String readOrCreate(Path file, java.util.function.Supplier<String> fresh) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8);
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      String value = fresh.get();
      Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".key", ".tmp");
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: keep the default permissions
      }
      Files.writeString(tmp, value + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        Files.deleteIfExists(tmp);
        if (!Files.exists(file)) {
          throw e;
        }
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the key file " + file, e);
    }
  }
}
