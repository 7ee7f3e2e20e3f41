package io.cairn.client;

import io.cairn.air.ProofOptions;
import io.cairn.client.prefs.HostSensor;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Client settings and waiting helpers for tests. */
final class Clients {
  /** Cheap STARK options for tests only (a few bits of security), as the prover's tests use. */
  static final ProofOptions TEST_PROOF_OPTIONS = new ProofOptions(2, 8, 0);

  private Clients() {}

  static ClientSettings.Builder fast(HostSensor sensor) {
    ClientSettings.Builder b = ClientSettings.builder();
    b.hostName = "test-host";
    b.cores = 2;
    b.proofOptions = TEST_PROOF_OPTIONS;
    b.rpcTimeout = Duration.ofSeconds(10);
    b.rpcBackoffMin = Duration.ofMillis(200);
    b.rpcBackoffMax = Duration.ofSeconds(2);
    b.transferBackoffMin = Duration.ofMillis(100);
    b.transferBackoffMax = Duration.ofSeconds(1);
    b.tickInterval = Duration.ofMillis(100);
    b.sensor = () -> sensor;
    return b;
  }

  static void await(String what, Duration timeout, BooleanSupplier done)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }
}
