package io.cairn.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several OS processes claim from one segment while this process (the feeder) keeps refilling it:
 * every job is claimed exactly once.
 */
class MultiProcessClaimTest {
  private static final int CLAIMERS = 4;
  private static final int JOBS = 20_000;

  @Test
  void noJobIsClaimedTwiceAcrossProcesses(@TempDir Path dir) throws Exception {
    Path segmentFile = dir.resolve("segment");
    Path stop = dir.resolve("stop");
    try (SegmentWriter writer =
        SegmentWriter.open(segmentFile, 128, "feeder-test", Clock.systemUTC())) {
      long next = 1;
      next = refill(writer, next);
      List<Process> processes = new ArrayList<>();
      List<Path> outputs = new ArrayList<>();
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      for (int i = 0; i < CLAIMERS; i++) {
        Path out = dir.resolve("claimed-" + i);
        outputs.add(out);
        processes.add(
            new ProcessBuilder(
                    java,
                    "-Xshare:auto",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    System.getProperty("java.class.path"),
                    ClaimerMain.class.getName(),
                    segmentFile.toString(),
                    stop.toString(),
                    out.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(new File(dir.resolve("stdout-" + i).toString()))
                .start());
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (next <= JOBS && System.nanoTime() < deadline) {
        next = refill(writer, next);
        Thread.sleep(1);
      }
      Files.createFile(stop);
      for (Process p : processes) {
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "claimer did not stop");
        assertEquals(0, p.exitValue(), "claimer failed");
      }
      assertEquals(JOBS + 1, next, "feeder did not place every job in time");
      Set<Long> seen = new HashSet<>();
      int total = 0;
      int processesThatClaimed = 0;
      for (Path out : outputs) {
        List<String> lines = Files.readAllLines(out);
        if (!lines.isEmpty()) {
          processesThatClaimed++;
        }
        for (String line : lines) {
          total++;
          assertTrue(seen.add(Long.parseLong(line)), "job " + line + " was claimed twice");
        }
      }
      assertEquals(JOBS, total);
      assertEquals(JOBS, seen.size());
      assertTrue(processesThatClaimed >= 2, "the claimers never raced");
    }
  }

  private static long refill(SegmentWriter writer, long next) {
    int free = writer.emptySlots();
    List<SlotEntry> batch = new ArrayList<>();
    for (int i = 0; i < free && next + i <= JOBS; i++) {
      batch.add(new SlotEntry(next + i, 1, 0, WorkKind.EXECUTE_AND_PROVE, 1000, 60, 2));
    }
    return next + writer.fill(batch);
  }
}
