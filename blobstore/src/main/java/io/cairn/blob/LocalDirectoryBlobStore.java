package io.cairn.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link BlobStore} in a directory of the local file system: the embedded default.
 *
 * <p>Layout under the root directory: {@code <namespace>/<h0h1>/<h2h3>/<sha256>}, where {@code
 * h0..h3} are the first hex digits of the hash and blobs without a namespace live under {@code _}
 * (which no namespace can be). Two levels of 256 shards keep directories small up to hundreds of
 * millions of blobs. Data is first written to {@code .tmp/} under the root, fsynced, and then
 * renamed into place with an atomic move, so a blob file is complete whenever it exists, even after
 * a crash. The rename needs {@code .tmp/} on the same file system, which is why it is inside the
 * root.
 *
 * <p>Several processes may share one root (the embedded server and its daemons). Temporary files
 * that a crashed process left behind are removed when a store is opened, once they are older than
 * {@link #STALE_TEMP_AGE}, which no upload in progress reaches.
 */
public final class LocalDirectoryBlobStore implements BlobStore {
  /** Temporary files older than this are leftovers of a crash. */
  public static final Duration STALE_TEMP_AGE = Duration.ofHours(24);

  static final String TEMP_DIRECTORY = ".tmp";
  static final String NO_NAMESPACE_DIRECTORY = "_";

  private static final Logger log = LoggerFactory.getLogger(LocalDirectoryBlobStore.class);

  private final Path root;
  private final Path tempDirectory;

  private LocalDirectoryBlobStore(Path root) {
    this.root = root;
    this.tempDirectory = root.resolve(TEMP_DIRECTORY);
  }

  /**
   * Opens the store in {@code root}, creating the directory if needed, and removes stale temporary
   * files.
   *
   * @throws BlobStoreException if the directory cannot be created or is not writable
   */
  public static LocalDirectoryBlobStore open(Path root) {
    return open(root, Clock.systemUTC());
  }

  static LocalDirectoryBlobStore open(Path root, Clock clock) {
    Path absolute = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    LocalDirectoryBlobStore store = new LocalDirectoryBlobStore(absolute);
    try {
      Files.createDirectories(store.tempDirectory);
    } catch (IOException e) {
      throw new BlobStoreException("cannot create the blob directory " + store.tempDirectory, e);
    }
    if (!Files.isWritable(store.tempDirectory)) {
      throw new BlobStoreException("the blob directory " + absolute + " is not writable");
    }
    store.removeStaleTempFiles(clock.instant().minus(STALE_TEMP_AGE));
    return store;
  }

  /** The directory this store keeps its blobs in. */
  public Path root() {
    return root;
  }

  @Override
  public BlobRef put(String namespace, InputStream data, long maxBytes) {
    BlobKey.requireValidNamespace(namespace);
    try (ContentSpool spool = ContentSpool.write(data, tempDirectory, maxBytes, true)) {
      BlobKey key = new BlobKey(namespace, spool.sha256Hex());
      // Always rename, even over an existing copy: the rename is atomic, the content identical,
      // and afterwards the blob exists with a fresh modification time whatever ran concurrently.
      publish(spool.file(), pathOf(key));
      return new BlobRef(key, spool.sizeBytes());
    }
  }

  private static void publish(Path spooled, Path target) {
    Path shard = target.getParent();
    try {
      Files.createDirectories(shard);
      Files.move(spooled, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      // Another writer published the same content first: identical bytes, nothing to do.
      return;
    } catch (IOException e) {
      throw new BlobStoreException("cannot move the uploaded blob into place at " + target, e);
    }
    fsyncDirectory(shard);
  }

  private static void fsyncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some file systems cannot sync a directory; the rename itself already happened.
      log.debug("cannot fsync directory {}: {}", directory, e.toString());
    }
  }

  @Override
  public InputStream open(BlobKey key) {
    Path path = pathOf(key);
    try {
      return Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      throw new BlobNotFoundException(key);
    } catch (IOException e) {
      throw new BlobStoreException("cannot open blob " + key + " at " + path, e);
    }
  }

  @Override
  public Optional<BlobInfo> stat(BlobKey key) {
    Path path = pathOf(key);
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      return Optional.of(
          new BlobInfo(key, attributes.size(), attributes.lastModifiedTime().toInstant()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new BlobStoreException("cannot read the attributes of blob " + key + " at " + path, e);
    }
  }

  @Override
  public void delete(BlobKey key) {
    Path path = pathOf(key);
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new BlobStoreException("cannot delete blob " + key + " at " + path, e);
    }
  }

  /** Nothing to release: every operation opens and closes its own files. */
  @Override
  public void close() {}

  /** The file that holds, or would hold, the blob with this key. */
  Path pathOf(BlobKey key) {
    String hash = key.sha256Hex();
    String namespaceDirectory = key.hasNamespace() ? key.namespace() : NO_NAMESPACE_DIRECTORY;
    return root.resolve(namespaceDirectory)
        .resolve(hash.substring(0, 2))
        .resolve(hash.substring(2, 4))
        .resolve(hash);
  }

  private void removeStaleTempFiles(Instant olderThan) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(tempDirectory)) {
      for (Path file : files) {
        if (Files.getLastModifiedTime(file).toInstant().isBefore(olderThan)) {
          Files.deleteIfExists(file);
          log.info("removed the stale temporary blob file {}", file);
        }
      }
    } catch (IOException e) {
      log.warn("cannot clean up stale temporary files in {}: {}", tempDirectory, e.toString());
    }
  }

  @Override
  public String toString() {
    return "LocalDirectoryBlobStore[" + root + "]";
  }
}
