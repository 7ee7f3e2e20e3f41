package io.cairn.daemon.transitioner;

import io.cairn.daemon.Daemon;
import io.cairn.daemon.DaemonContext;
import io.cairn.daemon.PassResult;
import java.time.Instant;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives input groups by time: expires leases past their deadline (the attempt counts; the group
 * goes back to READY or, after its last attempt, to ERROR), settles groups whose timer fired with
 * nothing left to expire, and frees work cached by dead feeders.
 *
 * <p>All of it is set-based: a pass runs at most {@code maxBatchesPerPass} statements of {@code
 * batchSize} leases each. If leases are still overdue after that, the pass reports them as backlog
 * (heartbeat row and log) and the loop starts the next pass at once.
 */
public final class Transitioner implements Daemon {
  private static final Logger log = LoggerFactory.getLogger(Transitioner.class);
  private static final long BACKLOG_COUNT_CAP = 10_000_000;

  private final DSLContext dsl;
  private final DaemonContext context;
  private final TransitionerSettings settings;

  public Transitioner(DSLContext dsl, DaemonContext context, TransitionerSettings settings) {
    this.dsl = dsl;
    this.context = context;
    this.settings = settings;
  }

  @Override
  public PassResult runOnePass() {
    Instant now = context.clock().instant();
    long done = 0;
    boolean full = false;
    int retried = 0;
    int gaveUp = 0;
    for (int i = 0; i < settings.maxBatchesPerPass() && !context.stop().isRaised(); i++) {
      LeaseExpiry.Batch batch = LeaseExpiry.expire(dsl, now, settings.batchSize(), context.actor());
      done += batch.leasesExpired();
      retried += batch.groupsRetried();
      gaveUp += batch.groupsGivenUp();
      full = batch.leasesExpired() == settings.batchSize();
      if (!full) {
        break;
      }
    }
    if (done > 0) {
      log.info(
          "{}: expired {} leases ({} groups retried, {} gave up)",
          context.actor(),
          done,
          retried,
          gaveUp);
    }
    done += DueGroups.settle(dsl, now, settings.batchSize());
    int freed = FeederReclaim.reclaim(dsl, now, settings.feederStaleAfter(), settings.batchSize());
    if (freed > 0) {
      log.warn("{}: freed {} input groups cached by dead feeders", context.actor(), freed);
    }
    done += freed;
    long backlog = full ? LeaseExpiry.backlog(dsl, now, BACKLOG_COUNT_CAP) : 0;
    return new PassResult(done, backlog);
  }
}
