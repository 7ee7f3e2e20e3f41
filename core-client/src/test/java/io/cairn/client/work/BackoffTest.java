package io.cairn.client.work;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void doublesWithJitterAndIsCapped() {
    Backoff b = new Backoff(Duration.ofSeconds(60), Duration.ofHours(4), new Random(1));
    for (int n = 1; n <= 30; n++) {
      long d = b.delayMillis(n);
      long base = Math.min(60_000L << Math.min(n - 1, 30), 4 * 3600_000L);
      assertTrue(d >= base / 2 && d <= base, "failure " + n + ": " + d);
    }
    assertTrue(b.delayMillis(100) <= 4 * 3600_000L);
  }
}
