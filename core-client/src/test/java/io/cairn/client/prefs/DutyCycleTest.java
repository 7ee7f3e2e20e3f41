package io.cairn.client.prefs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DutyCycleTest {
  /** A fake clock: the worker "runs" by advancing it; sleeps advance it too and are summed. */
  static final class FakeNanos implements DutyCycle.Nanos {
    long now;
    long slept;

    @Override
    public long now() {
      return now;
    }

    @Override
    public void sleep(long nanos) {
      now += nanos;
      slept += nanos;
    }
  }

  @Test
  void runShareMatchesTheLimitWithIrregularPausePoints() throws Exception {
    FakeNanos clock = new FakeNanos();
    DutyCycle d = new DutyCycle(() -> 30, clock);
    long ran = 0;
    java.util.Random r = new java.util.Random(7);
    for (int i = 0; i < 10_000; i++) {
      long work = 1_000_000L + r.nextInt(200_000_000); // 1..200 ms between pause points
      clock.now += work;
      ran += work;
      d.pausePoint();
    }
    double share = ran / (double) (ran + clock.slept);
    assertEquals(0.30, share, 0.01);
  }

  @Test
  void noPauseAtFullSpeed() throws Exception {
    FakeNanos clock = new FakeNanos();
    DutyCycle d = new DutyCycle(() -> 100, clock);
    for (int i = 0; i < 100; i++) {
      clock.now += 50_000_000;
      d.pausePoint();
    }
    assertEquals(0, clock.slept);
  }
}
