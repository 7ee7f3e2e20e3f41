package io.cairn.segment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A scheduler stand-in run as its own OS process by {@link MultiProcessClaimTest}: claims jobs from
 * the segment until told to stop, releasing each, and writes every input group id it claimed, one
 * per line.
 *
 * <p>Arguments: segment file, stop file, output file.
 */
public final class ClaimerMain {
  private ClaimerMain() {}

  public static void main(String[] args) throws IOException {
    Path segmentFile = Path.of(args[0]);
    Path stopFile = Path.of(args[1]);
    Path out = Path.of(args[2]);
    try (SegmentReader reader = SegmentReader.open(segmentFile, Clock.systemUTC());
        BufferedWriter w = Files.newBufferedWriter(out)) {
      while (true) {
        List<Claim> claims = reader.claim(4, e -> true);
        for (Claim c : claims) {
          w.write(Long.toString(c.entry().inputGroupId()));
          w.newLine();
          if (!reader.release(c)) {
            throw new IllegalStateException("lost claim " + c);
          }
        }
        if (claims.isEmpty()) {
          if (Files.exists(stopFile) && reader.presentCount() == 0) {
            break;
          }
          Thread.onSpinWait();
        }
      }
    }
  }
}
