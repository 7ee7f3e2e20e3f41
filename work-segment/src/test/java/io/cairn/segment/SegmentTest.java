package io.cairn.segment;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

  private static SlotEntry job(long id, int priority) {
    return new SlotEntry(id, 7, priority, WorkKind.EXECUTE_AND_PROVE, 1_000_000, 600, 3);
  }

  @Test
  void fillClaimReleaseRoundTrip(@TempDir Path dir) {
    Path file = dir.resolve("seg");
    try (SegmentWriter w = SegmentWriter.open(file, 4, "feeder-a", clock);
        SegmentReader r = SegmentReader.open(file, clock)) {
      assertEquals(4, w.emptySlots());
      assertEquals(3, w.fill(List.of(job(10, 0), job(11, 5), job(12, 1))));
      assertEquals(3, r.presentCount());
      List<Claim> claims = r.claim(2, e -> true);
      assertEquals(List.of(11L, 12L), claims.stream().map(c -> c.entry().inputGroupId()).toList());
      assertEquals(job(11, 5), claims.get(0).entry());
      assertEquals(1, r.presentCount());
      // a claimed slot cannot be claimed again, nor refilled
      assertTrue(r.tryClaim(claims.get(0).slot()).isEmpty());
      assertEquals(1, w.emptySlots());
      assertTrue(r.release(claims.get(0)));
      assertFalse(r.release(claims.get(0)), "a claim is released once");
      assertEquals(2, w.emptySlots());
    }
  }

  @Test
  void filtersByWantedAndUnclaims(@TempDir Path dir) {
    Path file = dir.resolve("seg");
    try (SegmentWriter w = SegmentWriter.open(file, 4, "feeder-a", clock);
        SegmentReader r = SegmentReader.open(file, clock)) {
      w.fill(List.of(job(1, 0), new SlotEntry(2, 7, 0, WorkKind.PROVE, 10, 60, 0), job(3, 0)));
      List<Claim> proves = r.claim(5, e -> e.kind() == WorkKind.PROVE);
      assertEquals(1, proves.size());
      assertEquals(2L, proves.get(0).entry().inputGroupId());
      assertTrue(r.unclaim(proves.get(0)));
      assertEquals(3, r.presentCount());
    }
  }

  @Test
  void purgesJobsNoLongerReadyAndStaleClaims(@TempDir Path dir) {
    Path file = dir.resolve("seg");
    var later = Clock.offset(clock, Duration.ofMinutes(10));
    try (SegmentWriter w = SegmentWriter.open(file, 4, "feeder-a", later);
        SegmentReader r = SegmentReader.open(file, clock)) {
      w.fill(List.of(job(1, 0), job(2, 0), job(3, 0)));
      Optional<Claim> c = r.claim(1, e -> e.inputGroupId() == 3).stream().findFirst();
      assertTrue(c.isPresent());
      assertEquals(List.of(2L), w.purgePresent(id -> id != 2));
      assertEquals(Set.of(1L), Set.copyOf(w.presentInputGroupIds()));
      assertEquals(List.of(), w.purgeStaleClaims(Duration.ofMinutes(30)));
      assertEquals(List.of(3L), w.purgeStaleClaims(Duration.ofMinutes(5)));
      assertFalse(r.release(c.get()), "the purged claim is gone");
      assertEquals(3, w.emptySlots());
    }
  }

  @Test
  void reopeningRebuildsWithNewGenerationAndReaderSeesStaleSequences(@TempDir Path dir) {
    Path file = dir.resolve("seg");
    Claim old;
    try (SegmentWriter w = SegmentWriter.open(file, 2, "feeder-a", clock)) {
      w.fill(List.of(job(1, 0)));
      w.markRefreshed();
      try (SegmentReader r = SegmentReader.open(file, clock)) {
        SegmentHeader h = r.header();
        assertEquals(1, h.generation());
        assertEquals("feeder-a", h.instanceId());
        assertEquals(clock.instant(), h.lastRefresh());
        old = r.tryClaim(0).orElseThrow();
      }
    }
    try (SegmentWriter w = SegmentWriter.open(file, 2, "feeder-b", clock);
        SegmentReader r = SegmentReader.open(file, clock)) {
      assertEquals(2, r.header().generation());
      assertEquals("feeder-b", r.header().instanceId());
      assertEquals(2, w.emptySlots());
      w.fill(List.of(job(5, 0)));
      // the old claim's sequence no longer matches the refilled slot
      assertFalse(r.release(old));
      assertEquals(5L, r.tryClaim(0).orElseThrow().entry().inputGroupId());
    }
  }

  @Test
  void refusesFilesThatAreNotSegments(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("junk");
    Files.write(file, new byte[512]);
    assertThrows(SegmentFormatException.class, () -> SegmentReader.open(file, clock));
    Files.write(file, new byte[10]);
    assertThrows(SegmentFormatException.class, () -> SegmentReader.open(file, clock));
    // a writer replaces a file of another size
    try (SegmentWriter w = SegmentWriter.open(file, 3, "f", clock)) {
      assertEquals(3, w.slotCount());
    }
    assertEquals(SegmentLayout.fileSize(3), Files.size(file));
  }
}
