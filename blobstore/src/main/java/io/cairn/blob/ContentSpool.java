package io.cairn.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The data of one {@link BlobStore#put}, copied to a temporary file while its SHA-256 is computed
 * and its size is checked against the limit.
 *
 * <p>Every store reads its input through this class, so hashing, the size limit and the handling of
 * a failing source are written once. Memory use is one fixed buffer, whatever the blob's size.
 * {@link #close()} deletes the temporary file unless a store has moved it away.
 */
final class ContentSpool implements AutoCloseable {
  private static final int BUFFER_BYTES = 64 * 1024;

  private final Path file;
  private final long sizeBytes;
  private final byte[] sha256;

  private ContentSpool(Path file, long sizeBytes, byte[] sha256) {
    this.file = file;
    this.sizeBytes = sizeBytes;
    this.sha256 = sha256;
  }

  /**
   * Copies {@code data} into a new file in {@code directory}.
   *
   * @param durable whether to fsync the file before returning (needed when the file itself becomes
   *     the blob, as in a local directory store)
   * @throws BlobTooLargeException as soon as more than {@code maxBytes} bytes have been read
   * @throws BlobSourceException if reading {@code data} fails
   * @throws BlobStoreException if the file cannot be written
   */
  static ContentSpool write(InputStream data, Path directory, long maxBytes, boolean durable) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be >= 0, was " + maxBytes);
    }
    Path file;
    try {
      file = Files.createTempFile(directory, "upload-", ".part");
    } catch (IOException e) {
      throw new BlobStoreException("cannot create a temporary file in " + directory, e);
    }
    try {
      MessageDigest digest = newSha256();
      long size = 0;
      byte[] buffer = new byte[BUFFER_BYTES];
      try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
        while (true) {
          // Ask for at most one byte beyond the limit: enough to detect an oversized blob.
          long remaining = maxBytes - size;
          int wanted = remaining >= buffer.length ? buffer.length : (int) remaining + 1;
          int read = readFromSource(data, buffer, wanted, size);
          if (read < 0) {
            break;
          }
          size += read;
          if (size > maxBytes) {
            throw new BlobTooLargeException(maxBytes);
          }
          digest.update(buffer, 0, read);
          ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
          while (chunk.hasRemaining()) {
            out.write(chunk);
          }
        }
        if (durable) {
          out.force(true);
        }
      } catch (IOException e) {
        throw new BlobStoreException("cannot write the temporary file " + file, e);
      }
      return new ContentSpool(file, size, digest.digest());
    } catch (RuntimeException e) {
      deleteQuietly(file, e);
      throw e;
    }
  }

  private static int readFromSource(InputStream data, byte[] buffer, int wanted, long readSoFar) {
    try {
      return data.read(buffer, 0, wanted);
    } catch (IOException e) {
      throw new BlobSourceException(readSoFar, e);
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static void deleteQuietly(Path file, RuntimeException primary) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      primary.addSuppressed(e);
    }
  }

  /** The temporary file holding the data. */
  Path file() {
    return file;
  }

  /** The number of bytes read. */
  long sizeBytes() {
    return sizeBytes;
  }

  /** The SHA-256 of the data. */
  byte[] sha256() {
    return sha256.clone();
  }

  /** The SHA-256 of the data as 64 lower-case hex digits. */
  String sha256Hex() {
    return HexFormat.of().formatHex(sha256);
  }

  /** Deletes the temporary file if it is still there. */
  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new BlobStoreException("cannot delete the temporary file " + file, e);
    }
  }
}
