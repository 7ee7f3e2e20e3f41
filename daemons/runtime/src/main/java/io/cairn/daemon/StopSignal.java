package io.cairn.daemon;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tells a daemon to stop: checked between items and passes, and wakes the loop from its idle sleep
 * at once. Once raised it stays raised.
 */
public final class StopSignal {
  private final CountDownLatch raised = new CountDownLatch(1);

  /** Asks the daemon to finish its current item and stop. */
  public void raise() {
    raised.countDown();
  }

  public boolean isRaised() {
    return raised.getCount() == 0;
  }

  /**
   * Sleeps for {@code duration} or until the signal is raised, whichever comes first.
   *
   * @return true if the signal is raised
   */
  public boolean sleep(Duration duration) {
    try {
      return raised.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      raise();
      return true;
    }
  }
}
