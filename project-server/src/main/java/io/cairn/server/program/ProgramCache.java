package io.cairn.server.program;

import io.cairn.server.program.ProgramRepository.ProgramInfo;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;

/**
 * Program metadata (hash, signature) the scheduler puts in every lease, kept in memory: a program
 * row never changes after upload, so an entry is valid until the program is deleted.
 */
public final class ProgramCache {
  private final ProgramRepository repo = new ProgramRepository();
  private final ConcurrentHashMap<Long, ProgramInfo> byId = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, byte[]> files = new ConcurrentHashMap<>();

  /** The program, read from the database on the first call. */
  public Optional<ProgramInfo> get(DSLContext tx, long id) {
    ProgramInfo cached = byId.get(id);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<ProgramInfo> info = repo.info(tx, id);
    info.ifPresent(i -> byId.put(id, i));
    return info;
  }

  /** The program file's bytes if cached. */
  public byte[] file(long id) {
    return files.get(id);
  }

  /** Keeps a program file in memory (programs are small and downloaded by every host). */
  public void putFile(long id, byte[] bytes) {
    if (files.size() < 256) {
      files.put(id, bytes);
    }
  }

  public void evict(long id) {
    byId.remove(id);
    files.remove(id);
  }
}
