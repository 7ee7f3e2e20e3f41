package io.cairn.client.prefs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.OptionalLong;

/**
 * When someone last typed or moved the mouse, read the way BOINC's Unix client reads it ({@code
 * client/hostinfo_unix.cpp}, {@code users_idle}): the kernel updates the access time of an input
 * device or terminal when it is read, so the latest access time among the keyboards and mice
 * ({@code /dev/input/event*}, {@code mice}, {@code mouse*}) and the terminals ({@code /dev/tty1..},
 * {@code /dev/pts/*}) is the moment of the last input. X11's screensaver idle time is not read (it
 * needs native code); keyboard and mouse events reach {@code /dev/input} under X and Wayland alike.
 *
 * <p>On a system with none of these (Windows, macOS, a container) it knows nothing and says so
 * ({@link OptionalLong#empty()}); the client then treats the computer as in use, the cautious side.
 */
public final class InputActivity {

  /** A directory and the glob its device files match. */
  public record Devices(Path dir, String glob) {}

  /** Linux's keyboards, mice and terminals. */
  public static final List<Devices> LINUX =
      List.of(
          new Devices(Path.of("/dev/input"), "{event*,mice,mouse*}"),
          new Devices(Path.of("/dev"), "tty[0-9]*"),
          new Devices(Path.of("/dev/pts"), "[0-9]*"));

  private final List<Devices> devices;

  /** Reads the given devices (tests pass directories of their own). */
  public InputActivity(List<Devices> devices) {
    this.devices = List.copyOf(devices);
  }

  /** Reads Linux's devices; on other systems finds none. */
  public static InputActivity system() {
    return new InputActivity(
        System.getProperty("os.name", "").startsWith("Linux") ? LINUX : List.of());
  }

  /**
   * The latest access time of any readable device file, epoch milliseconds, or empty if there is
   * none. Files that vanish or cannot be read while listing are skipped.
   */
  public OptionalLong lastInputMillis() {
    long latest = Long.MIN_VALUE;
    for (Devices d : devices) {
      if (!Files.isDirectory(d.dir())) {
        continue;
      }
      try (DirectoryStream<Path> files = Files.newDirectoryStream(d.dir(), d.glob())) {
        for (Path f : files) {
          try {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            latest = Math.max(latest, a.lastAccessTime().toMillis());
          } catch (IOException | SecurityException e) {
            // a device that went away or that we may not stat says nothing
          }
        }
      } catch (IOException | SecurityException e) {
        // an unreadable directory says nothing either
      }
    }
    return latest == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(latest);
  }
}
