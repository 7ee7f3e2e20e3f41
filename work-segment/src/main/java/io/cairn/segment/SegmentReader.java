package io.cairn.segment;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
   * Claims up to {@code max} jobs that {@code wanted} accepts, highest priority first.
   *
   * @return the claims, possibly fewer than {@code max} (others may have won the race)
   */
  public List<Claim> claim(int max, Predicate<SlotEntry> wanted) {
    record Candidate(int slot, int priority) {}
    List<Candidate> candidates = new ArrayList<>();
    for (int slot = 0; slot < segment.slotCount(); slot++) {
      long word = segment.stateWord(slot);
      if (SegmentLayout.stateOf(word) == SlotState.PRESENT) {
        SlotEntry e = segment.readEntry(slot);
        if (wanted.test(e)) {
          candidates.add(new Candidate(slot, e.priority()));
        }
      }
    }
    // rotate the start so that concurrent claimers of equal priority rarely collide
    int shift =
        candidates.isEmpty() ? 0 : (int) (Thread.currentThread().threadId() % candidates.size());
    List<Candidate> rotated = new ArrayList<>(candidates.subList(shift, candidates.size()));
    rotated.addAll(candidates.subList(0, shift));
    rotated.sort(Comparator.comparingInt(Candidate::priority).reversed());
    List<Claim> claims = new ArrayList<>();
    for (Candidate c : rotated) {
      if (claims.size() >= max) {
        break;
      }
      Optional<Claim> claim = tryClaim(c.slot());
      if (claim.isPresent() && wanted.test(claim.get().entry())) {
        claims.add(claim.get());
      } else {
        claim.ifPresent(this::unclaim);
      }
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
