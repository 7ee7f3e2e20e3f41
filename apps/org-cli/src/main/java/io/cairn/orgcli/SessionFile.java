package io.cairn.orgcli;

import io.cairn.orgcli.model.Session;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The session as a JSON file, by default {@code ~/.config/cairn/org.json}. The file holds tokens,
 * so it is created owner-only (0600, its directory 0700) before anything is written into it, and
 * replaced atomically through a temporary file with the same permissions. On a file system without
 * POSIX permissions the file is still written, without that protection.
 */
public final class SessionFile implements TokenStore {
  /** The environment variable that overrides the default location. */
  public static final String ENV = "CAIRN_ORG_CONFIG";

  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  private static final Set<PosixFilePermission> OWNER_DIR =
      EnumSet.of(
          PosixFilePermission.OWNER_READ,
          PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_EXECUTE);

  private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  private final Path file;

  public SessionFile(Path file) {
    this.file = file;
  }

  /**
   * The default file: {@code $CAIRN_ORG_CONFIG}, else {@code $XDG_CONFIG_HOME/cairn/org.json}, else
   * {@code ~/.config/cairn/org.json}.
   */
  public static Path defaultPath(Map<String, String> env) {
    String explicit = env.get(ENV);
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".config");
    return base.resolve("cairn").resolve("org.json");
  }

  public Path path() {
    return file;
  }

  @Override
  public Optional<Session> load() {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.MAPPER.readValue(file.toFile(), Session.class));
    } catch (IOException e) {
      throw new BadLocalInput(
          "cannot read the session file "
              + file
              + " ("
              + e.getMessage()
              + "); delete it and log in",
          e);
    }
  }

  @Override
  public void save(Session session) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      if (!Files.isDirectory(dir)) {
        if (posix(dir.getParent())) {
          Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
        } else {
          Files.createDirectories(dir);
        }
      }
      Path tmp = dir.resolve(file.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      if (posix(dir)) {
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(tmp);
      }
      Files.write(tmp, Json.MAPPER.writeValueAsBytes(session));
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (FileAlreadyExistsException e) {
      throw new BadLocalInput(
          "the session file " + file + " is being written by another process", e);
    } catch (IOException e) {
      throw new BadLocalInput("cannot write the session file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Holds an in-JVM lock and an OS file lock on {@code <file>.lock} while {@code action} runs. */
  @Override
  public <T> T exclusively(Supplier<T> action) {
    ReentrantLock local =
        LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), p -> new ReentrantLock());
    local.lock();
    try {
      Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
      Path dir = lockFile.toAbsolutePath().getParent();
      if (!Files.isDirectory(dir)) {
        return action.get();
      }
      try (FileChannel channel =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        return action.get();
      } catch (IOException e) {
        throw new BadLocalInput("cannot lock " + lockFile + ": " + e.getMessage(), e);
      }
    } finally {
      local.unlock();
    }
  }

  @Override
  public void clear() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new BadLocalInput("cannot delete the session file " + file + ": " + e.getMessage(), e);
    }
  }

  private static boolean posix(Path dir) {
    Path existing = dir;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    return existing != null
        && existing.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
