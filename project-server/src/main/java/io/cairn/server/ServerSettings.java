package io.cairn.server;

import io.cairn.server.auth.Passwords;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The project server's settings, validated once and immutable. Built with {@link #builder()}, or
 * from the shared configuration with {@link ConfiguredSettings#from}.
 *
 * @param host address to bind
 * @param port port to bind (0: any free port)
 * @param httpInstances how many HTTP verticle instances share the port
 * @param jwtSecret HS256 secret for access tokens, at least 32 characters
 * @param accessTokenTtl lifetime of an access token
 * @param refreshTokenTtl lifetime of a refresh token
 * @param passwords Argon2id cost
 * @param serverKeySeed the Ed25519 private key (32 bytes), or null for a fresh one per start
 * @param maxJsonBytes largest JSON request body
 * @param maxProgramBytes largest program file
 * @param maxInputUploadBytes largest bulk input-group request
 * @param maxInputFelts most felts in one input group
 * @param maxGroupsPerRequest most input groups in one bulk request
 * @param maxUploadBytes largest proof or trace upload
 * @param segmentFile the feeder's work segment
 * @param segmentSlots slots in the segment (when the server creates it)
 * @param embeddedFeeder whether the server fills the segment itself (no feeder process)
 * @param feederInterval how often the embedded feeder refills
 * @param schedulerDelay next_request_delay after a reply with work
 * @param maxBackoff the longest next_request_delay when there is no work
 * @param accountRatePerSecond requests per second per donor account or organization user
 * @param hostRatePerSecond requests per second per host
 * @param anonymousRatePerSecond requests per second per address on unauthenticated endpoints
 * @param rateBurst bucket size of every rate limit
 */
public record ServerSettings(
    String host,
    int port,
    int httpInstances,
    String jwtSecret,
    Duration accessTokenTtl,
    Duration refreshTokenTtl,
    Passwords passwords,
    byte[] serverKeySeed,
    long maxJsonBytes,
    long maxProgramBytes,
    long maxInputUploadBytes,
    int maxInputFelts,
    int maxGroupsPerRequest,
    long maxUploadBytes,
    Path segmentFile,
    int segmentSlots,
    boolean embeddedFeeder,
    Duration feederInterval,
    Duration schedulerDelay,
    Duration maxBackoff,
    double accountRatePerSecond,
    double hostRatePerSecond,
    double anonymousRatePerSecond,
    double rateBurst) {

  public ServerSettings {
    require(port >= 0 && port <= 65535, "port must be 0..65535");
    require(httpInstances >= 1 && httpInstances <= 64, "httpInstances must be 1..64");
    require(jwtSecret != null && jwtSecret.length() >= 32, "the JWT secret needs 32+ characters");
    require(serverKeySeed == null || serverKeySeed.length == 32, "the server key seed is 32 bytes");
    require(maxProgramBytes > 0 && maxUploadBytes > 0 && maxJsonBytes > 0, "limits must be > 0");
    require(maxInputFelts > 0 && maxGroupsPerRequest > 0, "input limits must be > 0");
    require(segmentSlots > 0, "segmentSlots must be > 0");
    require(
        accountRatePerSecond > 0 && hostRatePerSecond > 0 && anonymousRatePerSecond > 0,
        "rates must be > 0");
    require(rateBurst >= 1, "rateBurst must be >= 1");
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("invalid server settings: " + message);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder seeded with this record's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.host = host;
    b.port = port;
    b.httpInstances = httpInstances;
    b.jwtSecret = jwtSecret;
    b.accessTokenTtl = accessTokenTtl;
    b.refreshTokenTtl = refreshTokenTtl;
    b.passwords = passwords;
    b.serverKeySeed = serverKeySeed;
    b.maxJsonBytes = maxJsonBytes;
    b.maxProgramBytes = maxProgramBytes;
    b.maxInputUploadBytes = maxInputUploadBytes;
    b.maxInputFelts = maxInputFelts;
    b.maxGroupsPerRequest = maxGroupsPerRequest;
    b.maxUploadBytes = maxUploadBytes;
    b.segmentFile = segmentFile;
    b.segmentSlots = segmentSlots;
    b.embeddedFeeder = embeddedFeeder;
    b.feederInterval = feederInterval;
    b.schedulerDelay = schedulerDelay;
    b.maxBackoff = maxBackoff;
    b.accountRatePerSecond = accountRatePerSecond;
    b.hostRatePerSecond = hostRatePerSecond;
    b.anonymousRatePerSecond = anonymousRatePerSecond;
    b.rateBurst = rateBurst;
    return b;
  }

  /** Collects settings; every field starts at its default. */
  public static final class Builder {
    public String host = "127.0.0.1";
    public int port = 8080;
    public int httpInstances = Math.max(1, Runtime.getRuntime().availableProcessors());
    public String jwtSecret;
    public Duration accessTokenTtl = Duration.ofMinutes(15);
    public Duration refreshTokenTtl = Duration.ofDays(14);
    public Passwords passwords = Passwords.DEFAULT;
    public byte[] serverKeySeed;
    public long maxJsonBytes = 256 * 1024;
    public long maxProgramBytes = 8L << 20;
    public long maxInputUploadBytes = 32L << 20;
    public int maxInputFelts = 100_000;
    public int maxGroupsPerRequest = 20_000;
    public long maxUploadBytes = 256L << 20;
    public Path segmentFile = Path.of(System.getProperty("java.io.tmpdir"), "cairn-work-segment");
    public int segmentSlots = 1024;
    public boolean embeddedFeeder = true;
    public Duration feederInterval = Duration.ofMillis(200);
    public Duration schedulerDelay = Duration.ofSeconds(10);
    public Duration maxBackoff = Duration.ofMinutes(10);
    public double accountRatePerSecond = 20;
    public double hostRatePerSecond = 5;
    public double anonymousRatePerSecond = 10;
    public double rateBurst = 40;

    /** Sets the port. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public ServerSettings build() {
      return new ServerSettings(
          host,
          port,
          httpInstances,
          jwtSecret,
          accessTokenTtl,
          refreshTokenTtl,
          passwords,
          serverKeySeed,
          maxJsonBytes,
          maxProgramBytes,
          maxInputUploadBytes,
          maxInputFelts,
          maxGroupsPerRequest,
          maxUploadBytes,
          segmentFile,
          segmentSlots,
          embeddedFeeder,
          feederInterval,
          schedulerDelay,
          maxBackoff,
          accountRatePerSecond,
          hostRatePerSecond,
          anonymousRatePerSecond,
          rateBurst);
    }
  }
}
