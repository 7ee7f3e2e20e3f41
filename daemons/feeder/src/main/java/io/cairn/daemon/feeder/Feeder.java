package io.cairn.daemon.feeder;

import io.cairn.daemon.Daemon;
import io.cairn.daemon.DaemonContext;
import io.cairn.daemon.PassResult;
import io.cairn.segment.SegmentWriter;
import io.cairn.segment.SlotEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the work segment of this scheduler host full of ready jobs (BOINC's feeder). Each pass:
 * empties slots whose job is no longer ready (cancelled, leased elsewhere) and slots claimed by a
 * scheduler that died, clears this feeder's mark on those rows, then fills the empty slots with
 * ready groups, marked {@code cached_by = <this instance>} first so no other feeder takes them.
 *
 * <p>On start the segment is rebuilt empty ({@link SegmentWriter#open}) and every row still marked
 * with this instance's name is unmarked, so nothing stays stranded after a crash or a host restart.
 * The instance name must therefore be stable across restarts (the launcher uses the host name); a
 * feeder that never comes back has its marks cleared by the transitioner once its heartbeat is
 * stale.
 */
public final class Feeder implements Daemon {
  private static final Logger log = LoggerFactory.getLogger(Feeder.class);

  private final DSLContext dsl;
  private final DaemonContext context;
  private final FeederSettings settings;
  private SegmentWriter segment;

  public Feeder(DSLContext dsl, DaemonContext context, FeederSettings settings) {
    this.dsl = dsl;
    this.context = context;
    this.settings = settings;
  }

  @Override
  public PassResult runOnePass() {
    String me = context.instance();
    if (segment == null) {
      segment = open();
      int cleared = ReadyWork.unmarkAll(dsl, me);
      log.info(
          "{}: segment {} rebuilt ({} slots), {} stale cache marks cleared",
          context.actor(),
          settings.segmentPath(),
          settings.slots(),
          cleared);
    }
    long done = purge(me);
    int empty = segment.emptySlots();
    if (empty > 0) {
      List<SlotEntry> jobs =
          ReadyWork.take(dsl, me, context.clock().instant(), empty, settings.maxPriorityLevels());
      int placed = segment.fill(jobs);
      if (placed < jobs.size()) {
        ReadyWork.unmark(
            dsl,
            me,
            jobs.subList(placed, jobs.size()).stream().map(SlotEntry::inputGroupId).toList());
      }
      done += placed;
    }
    segment.markRefreshed();
    return PassResult.did(done);
  }

  private long purge(String me) {
    Set<Long> keep = new HashSet<>(ReadyWork.stillReady(dsl, me, segment.presentInputGroupIds()));
    List<Long> gone = segment.purgePresent(keep::contains);
    List<Long> stale = segment.purgeStaleClaims(settings.claimTimeout());
    ReadyWork.unmark(dsl, me, gone);
    // a stale claim's row may still be READY and marked: free it for the next fill
    ReadyWork.unmark(dsl, me, ReadyWork.stillReady(dsl, me, stale));
    if (!stale.isEmpty()) {
      log.warn(
          "{}: reclaimed {} slots claimed by a scheduler that did not finish",
          context.actor(),
          stale.size());
    }
    return gone.size() + stale.size();
  }

  private SegmentWriter open() {
    try {
      if (settings.segmentPath().getParent() != null) {
        Files.createDirectories(settings.segmentPath().getParent());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return SegmentWriter.open(
        settings.segmentPath(), settings.slots(), context.instance(), context.clock());
  }

  @Override
  public void close() {
    if (segment != null) {
      segment.close();
    }
  }
}
