package io.cairn.apps.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The demo's command line. */
class DemoOptionsTest {

  @Test
  void defaults() {
    DemoOptions o = DemoOptions.parse();
    assertEquals(Optional.empty(), o.dataDir());
    assertEquals(0, o.port());
    assertEquals(2, o.donors());
    assertEquals(0, o.jobs());
    assertFalse(o.keepRunning());
    assertEquals(DemoOptions.DEMO_PROOF_OPTIONS, o.proofOptions());
    assertTrue(o.proofOptions().conjecturedSecurityBits(16) >= o.minSecurityBits());
  }

  @Test
  void everyOption() {
    DemoOptions o =
        DemoOptions.parse(
            "--donors",
            "3",
            "--jobs",
            "40",
            "--port",
            "8088",
            "--keep-running",
            "--timeout",
            "60",
            "/tmp/demo-data");
    assertEquals(3, o.donors());
    assertEquals(40, o.jobs());
    assertEquals(8088, o.port());
    assertTrue(o.keepRunning());
    assertEquals(Duration.ofSeconds(60), o.timeout());
    assertEquals(Optional.of(Path.of("/tmp/demo-data")), o.dataDir());
  }

  @Test
  void malformedCommandLinesAreRefusedWithAMessage() {
    for (String[] args :
        new String[][] {
          {"--donors", "0"},
          {"--jobs", "0"},
          {"--jobs"},
          {"--port", "70000"},
          {"--port", "http"},
          {"--frobnicate"},
          {"dir-one", "dir-two"}
        }) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse(args));
      assertFalse(e.getMessage().isBlank());
    }
  }
}
