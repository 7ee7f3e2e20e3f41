package io.cairn.daemon.feeder;

import static io.cairn.schema.jooq.Tables.INPUT_GROUP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.daemon.DaemonContext;
import io.cairn.daemon.SettableClock;
import io.cairn.daemon.testing.WorkFixtures;
import io.cairn.schema.db.CairnDatabase;
import io.cairn.segment.Claim;
import io.cairn.segment.SegmentReader;
import io.cairn.testkit.pg.TestDatabase;
import io.cairn.testkit.pg.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeederTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static CairnDatabase db;
  private static DSLContext dsl;
  private static WorkFixtures fx;
  @TempDir Path dir;
  private final SettableClock clock = new SettableClock(T0);

  @BeforeAll
  static void open() {
    TestDatabase t = TestPostgres.freshDatabase("FeederTest");
    db = CairnDatabase.open(t.jdbcUrl(), t.user(), t.password(), 6, "feeder-test");
    dsl = db.dsl();
    fx = new WorkFixtures(dsl);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @BeforeEach
  void clean() {
    dsl.execute("TRUNCATE state_change, lease, input_group, program, organization CASCADE");
  }

  private Feeder feeder(String instance, Path segment, int slots) {
    return new Feeder(
        dsl,
        DaemonContext.of("feeder", instance, clock),
        new FeederSettings(segment, slots, Duration.ofMinutes(1), 8));
  }

  /** The input group ids in the segment, in slot order (claims and releases each slot). */
  private List<Long> slots(Path segment) {
    List<Long> ids = new ArrayList<>();
    try (SegmentReader reader = SegmentReader.open(segment, clock)) {
      for (int slot = 0; slot < reader.slotCount(); slot++) {
        reader
            .tryClaim(slot)
            .ifPresent(
                c -> {
                  ids.add(c.entry().inputGroupId());
                  reader.unclaim(c);
                });
      }
    }
    return ids;
  }

  private Set<Long> cachedBy(String feeder) {
    return new HashSet<>(
        dsl.select(INPUT_GROUP.ID)
            .from(INPUT_GROUP)
            .where(INPUT_GROUP.CACHED_BY.eq(feeder))
            .fetch(INPUT_GROUP.ID));
  }

  @Test
  void fillsByPriorityThenRoundRobinAcrossPrograms() {
    long orgA = fx.organization("org-a");
    long orgB = fx.organization("org-b");
    long big = fx.program(orgA, "big", "programs/" + "ab".repeat(32), 3);
    long small = fx.program(orgB, "small", "programs/" + "ab".repeat(32), 3);
    List<Long> bigGroups = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      bigGroups.add(fx.inputGroup(big, 0, i));
    }
    long s1 = fx.inputGroup(small, 0, 1);
    long s2 = fx.inputGroup(small, 0, 2);
    long urgent = fx.inputGroup(small, 9, 3);
    Path segment = dir.resolve("seg");

    assertEquals(6, feeder("f1", segment, 6).runOnePass().itemsDone());

    assertEquals(
        List.of(urgent, bigGroups.get(0), s1, bigGroups.get(1), s2, bigGroups.get(2)),
        slots(segment));
    assertEquals(new HashSet<>(slots(segment)), cachedBy("f1"));
  }

  @Test
  void purgesJobsNoLongerReadyAndRefills() {
    long program = fx.program(fx.organization("purge-org"), "p", "programs/" + "ab".repeat(32), 3);
    long g1 = fx.inputGroup(program, 0, 1);
    long g2 = fx.inputGroup(program, 0, 2);
    long g3 = fx.inputGroup(program, 0, 3);
    Path segment = dir.resolve("seg");
    Feeder f = feeder("f1", segment, 2);
    f.runOnePass();
    assertEquals(Set.of(g1, g2), new HashSet<>(slots(segment)));

    dsl.execute("UPDATE input_group SET state = 'CANCELLED' WHERE id = ?", g1);
    f.runOnePass();

    assertEquals(Set.of(g2, g3), new HashSet<>(slots(segment)));
    assertEquals(Set.of(g2, g3), cachedBy("f1"));
  }

  @Test
  void aRestartRebuildsTheSegmentAndStrandsNothing() {
    long program =
        fx.program(fx.organization("restart-org"), "p", "programs/" + "ab".repeat(32), 3);
    for (int i = 0; i < 5; i++) {
      fx.inputGroup(program, 0, i);
    }
    Path segment = dir.resolve("seg");
    Feeder first = feeder("f1", segment, 3);
    first.runOnePass();
    Set<Long> before = cachedBy("f1");
    assertEquals(3, before.size());
    // a scheduler claims one slot and dies; then the feeder's host restarts
    try (SegmentReader reader = SegmentReader.open(segment, clock)) {
      Claim c = reader.claim(1, e -> true).get(0);
      assertTrue(before.contains(c.entry().inputGroupId()));
    }
    first.close();

    Feeder second = feeder("f1", segment, 3);
    second.runOnePass();

    assertEquals(3, slots(segment).size(), "all slots refilled");
    assertEquals(new HashSet<>(slots(segment)), cachedBy("f1"), "marks match the segment");
    assertEquals(3, dsl.fetchCount(INPUT_GROUP, INPUT_GROUP.CACHED_BY.isNotNull()));
    second.close();
  }

  @Test
  void twoFeedersNeverCacheTheSameGroup() throws Exception {
    long program = fx.program(fx.organization("two-org"), "p", "programs/" + "ab".repeat(32), 3);
    int n = 10_000; // the "two instances of each daemon over 10,000 items"
    for (int i = 0; i < n; i++) {
      fx.inputGroup(program, 0, i);
    }
    // together the two segments hold more slots than there are groups, so all get cached
    Feeder a = feeder("fa", dir.resolve("a"), 6_000);
    Feeder b = feeder("fb", dir.resolve("b"), 6_000);
    long t0 = System.nanoTime();
    Thread ta = new Thread(() -> fillUntilAllCached(a, n));
    Thread tb = new Thread(() -> fillUntilAllCached(b, n));
    ta.start();
    tb.start();
    ta.join();
    tb.join();
    System.out.printf("two feeders: %d groups in %d ms%n", n, (System.nanoTime() - t0) / 1_000_000);
    List<Long> inA = slots(dir.resolve("a"));
    List<Long> inB = slots(dir.resolve("b"));
    Set<Long> all = new HashSet<>(inA);
    all.addAll(inB);
    assertEquals(inA.size() + inB.size(), all.size(), "no group in both segments");
    assertEquals(n, all.size());
    assertEquals(new HashSet<>(inA), cachedBy("fa"));
    assertEquals(new HashSet<>(inB), cachedBy("fb"));
    a.close();
    b.close();
  }

  /** Passes until every group is cached by one feeder or the other (bounded by time). */
  private void fillUntilAllCached(Feeder feeder, int n) {
    long deadline = System.nanoTime() + java.time.Duration.ofMinutes(3).toNanos();
    while (dsl.fetchCount(INPUT_GROUP, INPUT_GROUP.CACHED_BY.isNotNull()) < n
        && System.nanoTime() < deadline) {
      feeder.runOnePass();
    }
  }
}
