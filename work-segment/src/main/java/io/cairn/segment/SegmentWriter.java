package io.cairn.segment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * The feeder's side of the work segment: creates or rebuilds the file, fills empty slots with ready
 * jobs and purges slots whose job is gone or whose claim went stale.
 *
 * <p>One writer per segment file (one feeder per scheduler host). Schedulers may claim slots
 * concurrently from other processes; every state change here is a compare-and-set too, so a writer
 * never overwrites a slot a scheduler is claiming.
 *
 * <p>Protocol with the database (the feeder's job, not this class's): a job is written into a slot
 * only after its row was marked {@code cached_by = instanceId()}; after {@link #open} rebuilt the
 * segment, every row still marked with this instance id must be unmarked, since the slots that held
 * them are now empty.
 */
public final class SegmentWriter implements AutoCloseable {
  private final MappedSegment segment;
  private final String instanceId;
  private final Clock clock;

  private SegmentWriter(MappedSegment segment, String instanceId, Clock clock) {
    this.segment = segment;
    this.instanceId = instanceId;
    this.clock = clock;
  }

  /**
   * Opens the segment for the feeder {@code instanceId}: creates the file if it does not exist or
   * has another size or layout, otherwise rebuilds it (every slot emptied, generation bumped), as
   * after a feeder restart.
   */
  public static SegmentWriter open(Path file, int slotCount, String instanceId, Clock clock) {
    MappedSegment seg = null;
    if (Files.exists(file)) {
      try {
        seg = MappedSegment.openExisting(file);
        if (seg.slotCount() != slotCount) {
          seg.close();
          seg = null;
        }
      } catch (SegmentFormatException e) {
        seg = null;
      }
    }
    long generation;
    if (seg == null) {
      seg = MappedSegment.create(file, slotCount);
      generation = 1;
    } else {
      generation = seg.generation() + 1;
    }
    SegmentWriter writer = new SegmentWriter(seg, instanceId, clock);
    writer.emptyAll();
    seg.writeHeader(generation, instanceId, 0L);
    return writer;
  }

  private void emptyAll() {
    for (int slot = 0; slot < segment.slotCount(); slot++) {
      while (true) {
        long word = segment.stateWord(slot);
        long seq = SegmentLayout.sequenceOf(word);
        if (segment.casState(slot, word, SegmentLayout.stateWord(seq, SlotState.EMPTY))) {
          break;
        }
      }
    }
  }

  /** The feeder instance id written in the header. */
  public String instanceId() {
    return instanceId;
  }

  public int slotCount() {
    return segment.slotCount();
  }

  public SegmentHeader header() {
    return segment.header();
  }

  /** The number of slots free to fill right now. */
  public int emptySlots() {
    int n = 0;
    for (int slot = 0; slot < segment.slotCount(); slot++) {
      if (SegmentLayout.stateOf(segment.stateWord(slot)) == SlotState.EMPTY) {
        n++;
      }
    }
    return n;
  }

  /**
   * Writes jobs into empty slots, in order, until the jobs or the empty slots run out.
   *
   * @return how many of {@code jobs} were placed (the first ones); the rest were not
   */
  public int fill(List<SlotEntry> jobs) {
    Iterator<SlotEntry> it = jobs.iterator();
    int placed = 0;
    long now = clock.millis();
    for (int slot = 0; slot < segment.slotCount() && it.hasNext(); slot++) {
      long word = segment.stateWord(slot);
      if (SegmentLayout.stateOf(word) != SlotState.EMPTY) {
        continue;
      }
      long seq = SegmentLayout.sequenceOf(word) + 1;
      if (!segment.casState(slot, word, SegmentLayout.stateWord(seq, SlotState.WRITING))) {
        continue;
      }
      segment.writeEntry(slot, it.next(), now);
      // the volatile store publishes the payload written above
      segment.setState(slot, SegmentLayout.stateWord(seq, SlotState.PRESENT));
      placed++;
    }
    return placed;
  }

  /** The input group ids in PRESENT slots (jobs waiting to be claimed). */
  public List<Long> presentInputGroupIds() {
    List<Long> ids = new ArrayList<>();
    for (int slot = 0; slot < segment.slotCount(); slot++) {
      if (SegmentLayout.stateOf(segment.stateWord(slot)) == SlotState.PRESENT) {
        ids.add(segment.inputGroupId(slot));
      }
    }
    return ids;
  }

  /**
   * Empties every PRESENT slot whose job {@code keep} rejects (for example: no longer READY in the
   * database, cancelled, its program deleted).
   *
   * @return the input group ids removed
   */
  public List<Long> purgePresent(LongPredicate keep) {
    List<Long> removed = new ArrayList<>();
    for (int slot = 0; slot < segment.slotCount(); slot++) {
      long word = segment.stateWord(slot);
      if (SegmentLayout.stateOf(word) != SlotState.PRESENT) {
        continue;
      }
      long id = segment.inputGroupId(slot);
      if (!keep.test(id)) {
        long seq = SegmentLayout.sequenceOf(word);
        if (segment.casState(slot, word, SegmentLayout.stateWord(seq, SlotState.EMPTY))) {
          removed.add(id);
        }
      }
    }
    return removed;
  }

  /**
   * Empties CLAIMED slots whose claim is older than {@code age}: the scheduler that claimed them
   * died before releasing them. Their rows may still be READY with {@code cached_by} set; the
   * feeder unmarks those.
   *
   * @return the input group ids whose slots were reclaimed
   */
  public List<Long> purgeStaleClaims(Duration age) {
    List<Long> removed = new ArrayList<>();
    long cutoff = clock.millis() - age.toMillis();
    for (int slot = 0; slot < segment.slotCount(); slot++) {
      long word = segment.stateWord(slot);
      if (SegmentLayout.stateOf(word) != SlotState.CLAIMED) {
        continue;
      }
      long claimedAt = segment.claimedAt(slot);
      if (claimedAt != 0 && claimedAt > cutoff) {
        continue;
      }
      if (claimedAt == 0 && segment.filledAt(slot) > cutoff) {
        continue; // claimed a moment ago; its claim time is not written yet
      }
      long id = segment.inputGroupId(slot);
      long seq = SegmentLayout.sequenceOf(word);
      if (segment.casState(slot, word, SegmentLayout.stateWord(seq, SlotState.EMPTY))) {
        removed.add(id);
      }
    }
    return removed;
  }

  /** Records the end of a feeder pass in the header (schedulers and the status page read it). */
  public void markRefreshed() {
    segment.setLastRefresh(clock.millis());
  }

  @Override
  public void close() {
    segment.close();
  }
}
