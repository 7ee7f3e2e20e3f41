package io.cairn.client.prefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputActivityTest {
  private static final long T = 1_795_000_000_000L;

  private static void device(Path dir, String name, long atime) throws Exception {
    Path f = Files.createFile(dir.resolve(name));
    Files.setAttribute(f, "lastAccessTime", FileTime.fromMillis(atime));
  }

  @Test
  void theLatestAccessOfAMatchingDeviceIsTheLastInput(@TempDir Path root) throws Exception {
    Path input = Files.createDirectory(root.resolve("input"));
    Path dev = Files.createDirectory(root.resolve("dev"));
    Path pts = Files.createDirectory(root.resolve("pts"));
    device(input, "event0", T - 50_000);
    device(input, "event3", T - 20_000);
    device(input, "mice", T - 90_000);
    device(input, "js0", T + 99_000); // a joystick: not a keyboard or mouse, ignored
    device(dev, "tty1", T - 40_000);
    device(dev, "tty", T + 99_000); // the controlling terminal alias, ignored
    device(dev, "ttyS0", T + 99_000); // a serial line, ignored
    device(pts, "0", T - 30_000);
    device(pts, "ptmx", T + 99_000); // the multiplexer, ignored
    List<InputActivity.Devices> layout =
        List.of(
            new InputActivity.Devices(input, "{event*,mice,mouse*}"),
            new InputActivity.Devices(dev, "tty[0-9]*"),
            new InputActivity.Devices(pts, "[0-9]*"));
    assertEquals(OptionalLong.of(T - 20_000), new InputActivity(layout).lastInputMillis());

    // typing on a terminal moves it
    Files.setAttribute(pts.resolve("0"), "lastAccessTime", FileTime.fromMillis(T - 1_000));
    assertEquals(OptionalLong.of(T - 1_000), new InputActivity(layout).lastInputMillis());
  }

  @Test
  void noDevicesMeansUnknown(@TempDir Path root) throws Exception {
    Path empty = Files.createDirectory(root.resolve("input"));
    device(empty, "js0", T);
    assertEquals(
        OptionalLong.empty(),
        new InputActivity(
                List.of(
                    new InputActivity.Devices(empty, "event*"),
                    new InputActivity.Devices(root.resolve("missing"), "*")))
            .lastInputMillis());
    assertEquals(OptionalLong.empty(), new InputActivity(List.of()).lastInputMillis());
  }

  @Test
  void theSystemReadingIsInThePastOrUnknown() {
    OptionalLong last = InputActivity.system().lastInputMillis();
    assertTrue(last.isEmpty() || last.getAsLong() <= System.currentTimeMillis() + 1000, "" + last);
  }
}
