package io.cairn.segment;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The scheduler's side of the work segment: scans PRESENT slots and claims them with a
 * compare-and-set, so that no job is handed to two schedulers, in this process or any other.
 *
 * <p>After a claim the scheduler confirms the job in PostgreSQL (one conditional update); then it
 * calls {@link #release} whatever the outcome, which empties the slot for the feeder. A claim the
 * scheduler cannot use right now may be put back with {@link #unclaim}. Thread-safe.
 */
public final class SegmentReader implements AutoCloseable {
  private final MappedSegment segment;
  private final Clock clock;
  private final AtomicInteger cursor = new AtomicInteger();

  private SegmentReader(MappedSegment segment, Clock clock) {
    this.segment = segment;
    this.clock = clock;
  }

  /**
   * Maps an existing segment.
   *
   * @throws SegmentFormatException if the file is not a segment of this layout
   */
  public static SegmentReader open(Path file, Clock clock) {
    return new SegmentReader(MappedSegment.openExisting(file), clock);
  }

  public int slotCount() {
    return segment.slotCount();
  }

  public SegmentHeader header() {
    return segment.header();
  }

  /** Claims {@code slot} if it holds a job; empty if it holds none or another claimer won. */
  public Optional<Claim> tryClaim(int slot) {
    segment.checkSlot(slot);
    long word = segment.stateWord(slot);
    if (SegmentLayout.stateOf(word) != SlotState.PRESENT) {
      return Optional.empty();
    }
    long seq = SegmentLayout.sequenceOf(word);
    SlotEntry entry = segment.readEntry(slot);
    if (!segment.casState(slot, word, SegmentLayout.stateWord(seq, SlotState.CLAIMED))) {
      return Optional.empty();
    }
    segment.setClaimedAt(slot, clock.millis());
    return Optional.of(new Claim(slot, seq, entry));
  }

  /**
   * Claims up to {@code max} jobs that {@code wanted} accepts, highest priority first. Among equal
   * priorities the scan starts at a different slot for each call, so concurrent claimers rarely
   * race for the same slot. The scan reads only state words, priorities and kinds; it allocates
   * nothing per slot.
   *
   * @return the claims, possibly fewer than {@code max} (others may have won the race)
   */
  public List<Claim> claim(int max, Predicate<SlotEntry> wanted) {
    return claim(max, EnumSet.allOf(WorkKind.class), wanted);
  }

  /**
   * {@link #claim(int, Predicate)} restricted to {@code kinds}, checked without reading entries.
   */
  public List<Claim> claim(int max, Set<WorkKind> kinds, Predicate<SlotEntry> wanted) {
    List<Claim> claims = new ArrayList<>();
    if (max <= 0) {
      return claims;
    }
    int n = segment.slotCount();
    int kindMask = 0;
    for (WorkKind k : kinds) {
      kindMask |= 1 << k.code();
    }
    int start = Math.floorMod(cursor.getAndAdd(max * 7 + 1), n);
    int[] slots = new int[n];
    int found = 0;
    int best = Integer.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      int slot = start + i < n ? start + i : start + i - n;
      if (SegmentLayout.stateOf(segment.stateWord(slot)) != SlotState.PRESENT) {
        continue;
      }
      int kind = segment.kindCode(slot);
      if (kind < 0 || kind > 30 || (kindMask & (1 << kind)) == 0) {
        continue;
      }
      slots[found++] = slot;
      best = Math.max(best, segment.priority(slot));
    }
    // take the best priority level first, then the next, until max claims (usually one level)
    int level = best;
    while (claims.size() < max && found > 0 && level != Integer.MIN_VALUE) {
      int nextLevel = Integer.MIN_VALUE;
      for (int k = 0; k < found && claims.size() < max; k++) {
        int slot = slots[k];
        int p = segment.priority(slot);
        if (p < level) {
          nextLevel = Math.max(nextLevel, p);
          continue;
        }
        if (p > level) {
          continue; // already visited at its own level
        }
        Optional<Claim> claim = tryClaim(slot);
        if (claim.isEmpty()) {
          continue;
        }
        if (wanted.test(claim.get().entry()) && kinds.contains(claim.get().entry().kind())) {
          claims.add(claim.get());
        } else {
          unclaim(claim.get());
        }
      }
      level = nextLevel;
    }
    return claims;
  }

  /**
   * Empties the claimed slot for the feeder. Call it once the claim is settled in the database.
   *
   * @return false if the slot no longer holds this claim (the feeder purged it as stale)
   */
  public boolean release(Claim claim) {
    return segment.casState(
        claim.slot(),
        SegmentLayout.stateWord(claim.sequence(), SlotState.CLAIMED),
        SegmentLayout.stateWord(claim.sequence(), SlotState.EMPTY));
  }

  /**
   * Puts an unused claim back, so another request may take the job.
   *
   * @return false if the slot no longer holds this claim
   */
  public boolean unclaim(Claim claim) {
    return segment.casState(
        claim.slot(),
        SegmentLayout.stateWord(claim.sequence(), SlotState.CLAIMED),
        SegmentLayout.stateWord(claim.sequence(), SlotState.PRESENT));
  }

  /** The number of PRESENT slots (jobs ready to claim). */
  public int presentCount() {
    int n = 0;
    for (int slot = 0; slot < segment.slotCount(); slot++) {
      if (SegmentLayout.stateOf(segment.stateWord(slot)) == SlotState.PRESENT) {
        n++;
      }
    }
    return n;
  }

  @Override
  public void close() {
    segment.close();
  }
}
