package io.cairn.client;

import io.cairn.client.state.ProjectState;
import io.cairn.client.state.TaskPhase;
import io.cairn.client.state.TaskState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the state directory small: forgets reported tasks and deletes their slot directories, drops
 * projects detached once their tasks are gone, deletes program files no task uses, and measures the
 * directory for disk_max_used_gb. Called from the client's scheduling tick.
 */
final class StateJanitor {
  private static final Logger log = LoggerFactory.getLogger(StateJanitor.class);

  private final StateKeeper keeper;
  private final Transfers transfers;
  private final Workers workers;
  private final Path stateDir;
  private long diskBytesCached;
  private long diskMeasuredAt;

  StateJanitor(StateKeeper keeper, Transfers transfers, Workers workers, Path stateDir) {
    this.keeper = keeper;
    this.transfers = transfers;
    this.workers = workers;
    this.stateDir = stateDir;
  }

  /** Drops reported tasks and their slots, and projects detached once their tasks are gone. */
  void forgetFinished() {
    List<String> slots = new ArrayList<>();
    Workers.WorkerSnapshot live = workers.snapshot(); // before the state lock: see Workers
    boolean changed =
        keeper.read(
            s ->
                s.projects.stream()
                    .anyMatch(
                        p ->
                            (p.detachWhenDone && p.tasks.isEmpty())
                                || p.tasks.stream().anyMatch(t -> finished(t, live))));
    if (!changed) {
      return;
    }
    keeper.update(
        s -> {
          for (ProjectState p : s.projects) {
            p.tasks.removeIf(
                t -> {
                  if (finished(t, live)) {
                    slots.add(t.leaseId);
                    return true;
                  }
                  return false;
                });
          }
          s.projects.removeIf(p -> p.detachWhenDone && p.tasks.isEmpty());
        });
    for (String lease : slots) {
      DiskUsage.deleteTree(transfers.slotDir(lease));
    }
    deleteUnusedPrograms();
  }

  /**
   * Removes program files no task has referred to for ten minutes (a new lease downloads them
   * again).
   */
  private void deleteUnusedPrograms() {
    Set<String> used =
        keeper.read(
            s ->
                s.projects.stream()
                    .flatMap(p -> p.tasks.stream())
                    .map(t -> t.programSha256 + ".json")
                    .collect(Collectors.toSet()));
    Path dir = stateDir.resolve("programs");
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        boolean old =
            Files.getLastModifiedTime(f).toMillis() < System.currentTimeMillis() - 600_000;
        if (name.endsWith(".json") && !used.contains(name) && old) {
          Files.deleteIfExists(f); // old: never a file a just-leased task is about to use
        }
      }
    } catch (IOException e) {
      log.debug("could not clean the programs directory", e);
    }
  }

  /** Bytes under the state directory, measured at most once a minute. */
  long diskBytes() {
    long now = System.nanoTime();
    if (now - diskMeasuredAt > 60_000_000_000L || diskMeasuredAt == 0) {
      diskBytesCached = DiskUsage.bytes(stateDir);
      diskMeasuredAt = now;
    }
    return diskBytesCached;
  }

  private static boolean finished(TaskState t, Workers.WorkerSnapshot workers) {
    return t.reportAcked
        && (t.phase == TaskPhase.REPORTED || t.phase == TaskPhase.FAILED)
        && !workers.running().contains(t.leaseId);
  }
}
