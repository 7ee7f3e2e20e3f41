package io.cairn.client.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Crash-safe file replacement, BOINC's {@code client_state_next.xml} scheme: the new content goes
 * to {@code name.next} and is fsynced, the current file becomes {@code name.prev}, then {@code
 * name.next} is renamed over {@code name} and the directory is fsynced. A crash or power loss at
 * any point leaves at least one complete copy among {@code next}, the current file and {@code
 * prev}; readers try them in that order (see {@link StateStore}).
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** The {@code .next} sibling of {@code target}. */
  public static Path next(Path target) {
    return target.resolveSibling(target.getFileName() + ".next");
  }

  /** The {@code .prev} sibling of {@code target}. */
  public static Path prev(Path target) {
    return target.resolveSibling(target.getFileName() + ".prev");
  }

  /** Replaces {@code target} with {@code data}, keeping the previous content as {@code .prev}. */
  public static void write(Path target, byte[] data) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path next = next(target);
    try (FileChannel ch =
        FileChannel.open(
            next,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buf = ByteBuffer.wrap(data);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    if (Files.exists(target)) {
      move(target, prev(target));
    }
    move(next, target);
    syncDirectory(dir);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Fsyncs a directory so that renames in it survive a power loss (a no-op where unsupported). */
  static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some platforms (Windows) cannot open a directory; the rename is then as durable as the OS
      // makes it, which is all we can do.
    }
  }
}
