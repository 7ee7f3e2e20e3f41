package io.cairn.server.status;

import java.util.concurrent.atomic.LongAdder;

/** The server's own counters, exported on {@code /metrics} next to the database's numbers. */
public final class Metrics {
  public final LongAdder schedulerRequests = new LongAdder();
  public final LongAdder leasesDispatched = new LongAdder();
  public final LongAdder claimsLost = new LongAdder();
  public final LongAdder emptyReplies = new LongAdder();
  public final LongAdder uploadsAccepted = new LongAdder();
  public final LongAdder uploadsDuplicate = new LongAdder();
  public final LongAdder rateLimited = new LongAdder();

  /** Nanoseconds scheduler RPCs waited for a worker thread. */
  public final LongAdder schedulerQueueNanos = new LongAdder();

  /** Nanoseconds scheduler RPCs spent in their database transaction. */
  public final LongAdder schedulerWorkNanos = new LongAdder();
}
