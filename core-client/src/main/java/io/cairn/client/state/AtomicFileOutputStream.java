package io.cairn.client.state;

import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A stream that replaces a file the way {@link AtomicFiles#write} does, for content too large to
 * hold in memory (VM checkpoints, proofs): bytes go to {@code name.next}; {@link #close()} fsyncs,
 * keeps the current file as {@code name.prev} and renames {@code next} over it. Until then the
 * previous file is untouched, so a kill mid-write costs nothing but the partial {@code .next}.
 */
public final class AtomicFileOutputStream extends FilterOutputStream {
  private final Path target;
  private final FileOutputStream file;
  private boolean closed;

  /** Opens {@code target.next} for writing. */
  public AtomicFileOutputStream(Path target) throws IOException {
    this(target, new FileOutputStream(AtomicFiles.next(target).toFile()));
  }

  private AtomicFileOutputStream(Path target, FileOutputStream file) {
    super(new java.io.BufferedOutputStream(file, 1 << 16));
    this.target = target;
    this.file = file;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
  }

  /** Commits: flush, fsync, rename into place. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      out.flush();
      file.getFD().sync();
    } finally {
      out.close();
    }
    Path next = AtomicFiles.next(target);
    if (Files.exists(target)) {
      move(target, AtomicFiles.prev(target));
    }
    move(next, target);
    AtomicFiles.syncDirectory(target.toAbsolutePath().getParent());
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
