package io.cairn.client;

import io.cairn.air.ProofOptions;
import io.cairn.client.prefs.HostSensor;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How one client instance runs: everything that is not a donor preference (those live in {@link
 * io.cairn.client.prefs.Preferences} and may change while it runs). Validated at construction and
 * immutable; build with {@link #builder()}.
 *
 * @param hostName the name the host registers with
 * @param cores logical CPUs the client may use (the preferences take a percentage of these)
 * @param clientVersion reported to the server
 * @param kinds the lease kinds to ask for: EXECUTE_AND_PROVE, EXECUTE (run and upload the trace),
 *     PROVE (prove a trace another host uploaded)
 * @param proofOptions the STARK parameters the prover uses
 * @param rpcTimeout timeout of every HTTP request
 * @param rpcBackoffMin first back-off after a failed scheduler RPC (BOINC 60 s)
 * @param rpcBackoffMax longest back-off (BOINC 4 h)
 * @param transferBackoffMin first back-off after a failed download or upload (BOINC 120 s)
 * @param transferBackoffMax longest (BOINC 6 h)
 * @param initialStepsPerSecond effective speed (VM + prover) assumed before one is measured
 * @param tickInterval how often the client re-evaluates preferences, suspension and work
 * @param controlPort loopback port of the control channel (0: any free port)
 * @param clock wall clock for deadlines, hours and back-offs
 * @param sensor OS readings (CPU load, memory); created lazily so a test can inject one
 */
public record ClientSettings(
    String hostName,
    int cores,
    String clientVersion,
    Set<String> kinds,
    ProofOptions proofOptions,
    Duration rpcTimeout,
    Duration rpcBackoffMin,
    Duration rpcBackoffMax,
    Duration transferBackoffMin,
    Duration transferBackoffMax,
    double initialStepsPerSecond,
    Duration tickInterval,
    int controlPort,
    Clock clock,
    Supplier<HostSensor> sensor) {

  /** The client's version string. */
  public static final String VERSION = "0.1.0";

  /** Validates. */
  public ClientSettings {
    require(hostName != null && !hostName.isBlank(), "hostName is required");
    require(cores >= 1, "cores must be >= 1");
    require(
        !kinds.isEmpty() && Set.of("EXECUTE_AND_PROVE", "EXECUTE", "PROVE").containsAll(kinds),
        "kinds must be among EXECUTE_AND_PROVE, EXECUTE and PROVE");
    require(
        !rpcBackoffMin.isNegative() && rpcBackoffMax.compareTo(rpcBackoffMin) >= 0, "rpc back-off");
    require(
        !transferBackoffMin.isNegative() && transferBackoffMax.compareTo(transferBackoffMin) >= 0,
        "transfer back-off");
    require(initialStepsPerSecond > 0, "initialStepsPerSecond must be > 0");
    require(controlPort >= 0 && controlPort <= 65535, "controlPort must be 0..65535");
    kinds = Set.copyOf(kinds);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("invalid client settings: " + message);
    }
  }

  /** A builder with production defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects settings; every field starts at its default. */
  public static final class Builder {
    /** Null: the local host name, looked up at {@link #build()}. */
    public String hostName;

    public int cores = Runtime.getRuntime().availableProcessors();
    public Set<String> kinds = Set.of("EXECUTE_AND_PROVE");
    public ProofOptions proofOptions = ProofOptions.DEFAULT_128;
    public Duration rpcTimeout = Duration.ofSeconds(60);
    public Duration rpcBackoffMin = Duration.ofSeconds(60);
    public Duration rpcBackoffMax = Duration.ofHours(4);
    public Duration transferBackoffMin = Duration.ofSeconds(120);
    public Duration transferBackoffMax = Duration.ofHours(6);
    public double initialStepsPerSecond = 20_000;
    public Duration tickInterval = Duration.ofMillis(500);
    public int controlPort = 0;
    public Clock clock = Clock.systemUTC();
    public Supplier<HostSensor> sensor = io.cairn.client.prefs.OshiHostSensor::new;

    public ClientSettings build() {
      return new ClientSettings(
          hostName != null ? hostName : io.cairn.client.rpc.HostDescription.localName(),
          cores,
          VERSION,
          kinds,
          proofOptions,
          rpcTimeout,
          rpcBackoffMin,
          rpcBackoffMax,
          transferBackoffMin,
          transferBackoffMax,
          initialStepsPerSecond,
          tickInterval,
          controlPort,
          clock,
          sensor);
    }
  }
}
