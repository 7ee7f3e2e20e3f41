package io.cairn.client;

import io.cairn.client.rpc.HostCredentials;
import io.cairn.client.rpc.ServerApi;
import io.cairn.client.rpc.ServerException;
import io.cairn.client.state.ProjectState;
import io.cairn.client.state.TaskPhase;
import io.cairn.client.state.TaskState;
import io.cairn.client.work.Backoff;
import io.cairn.client.work.ProgramVerificationException;
import io.cairn.client.work.ProgramVerifier;
import io.cairn.client.work.TaskRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads and verifies programs (NEW → DOWNLOADED → VERIFIED) and uploads results (PROVEN →
 * UPLOADED), on a small I/O pool, with per-task exponential back-off. A download resumes from its
 * partial file ({@code Range}); an upload is simply retried (the server treats the same bytes for
 * the same lease as a duplicate). A program whose hash or signature fails is never run: the task
 * fails and is reported.
 */
final class Transfers {
  private static final Logger log = LoggerFactory.getLogger(Transfers.class);

  /** Downloads whose bytes do not hash right before the task is given up. */
  static final int MAX_CORRUPT_DOWNLOADS = 3;

  private final StateKeeper keeper;
  private final ServerApi api;
  private final Backoff backoff;
  private final ClientSettings settings;
  private final Path programsDir;
  private final Path slotsDir;
  private final ExecutorService pool;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  /** One download at a time per program file: tasks of the same program share it. */
  private final ConcurrentHashMap<String, Object> programLocks = new ConcurrentHashMap<>();

  Transfers(
      StateKeeper keeper,
      ServerApi api,
      Backoff backoff,
      ClientSettings settings,
      Path stateDir,
      ExecutorService pool) {
    this.keeper = keeper;
    this.api = api;
    this.backoff = backoff;
    this.settings = settings;
    this.programsDir = stateDir.resolve("programs");
    this.slotsDir = stateDir.resolve("slots");
    this.pool = pool;
  }

  Path programFile(String sha256) {
    return programsDir.resolve(sha256 + ".json");
  }

  Path slotDir(String leaseId) {
    return slotsDir.resolve(leaseId.replaceAll("[^A-Za-z0-9_-]", "_"));
  }

  private record Job(ProjectState project, TaskState task, TaskPhase phase) {}

  /** Starts the transfers that are due. */
  void tick() {
    long now = settings.clock().millis();
    List<Job> due = new ArrayList<>();
    keeper.read(
        s -> {
          for (ProjectState p : s.projects) {
            for (TaskState t : p.tasks) {
              boolean wants =
                  t.phase == TaskPhase.NEW
                      || t.phase == TaskPhase.DOWNLOADED
                      || t.phase == TaskPhase.PROVEN;
              if (wants && now >= t.nextTransferMillis && !inFlight.contains(t.leaseId)) {
                due.add(new Job(p, t, t.phase));
              }
            }
          }
          return null;
        });
    for (Job j : due) {
      inFlight.add(j.task.leaseId);
      pool.execute(
          () -> {
            try {
              switch (j.phase) {
                case NEW -> download(j.project, j.task);
                case DOWNLOADED -> verify(j.project, j.task);
                case PROVEN -> upload(j.project, j.task);
                default -> {}
              }
            } finally {
              inFlight.remove(j.task.leaseId);
            }
          });
    }
  }

  private HostCredentials creds(ProjectState p) {
    return keeper.read(s -> new HostCredentials(p.hostId, p.hostKey));
  }

  private void download(ProjectState p, TaskState t) {
    String sha = keeper.read(s -> t.programSha256);
    Path file = programFile(sha);
    try {
      synchronized (programLocks.computeIfAbsent(sha, k -> new Object())) {
        if (!fetchProgram(p, t, sha, file)) {
          return;
        }
      }
      String traceUrl = keeper.read(s -> t.traceUrl);
      if (traceUrl != null) {
        fetchTrace(p, t, traceUrl);
      }
      keeper.update(
          s -> {
            t.phase = TaskPhase.DOWNLOADED;
            t.transferFailures = 0;
          });
      verify(p, t);
    } catch (ServerException e) {
      retryOrDrop(t, e);
    } catch (IOException e) {
      retryLater(t, "program download: " + e);
    }
  }

  /** The trace bundle a PROVE task proves, downloaded next to its slot. */
  static Path traceFile(Path slotDir) {
    return slotDir.resolve("trace.bin");
  }

  private void fetchTrace(ProjectState p, TaskState t, String traceUrl)
      throws IOException, ServerException {
    Path slot = slotDir(t.leaseId);
    Path trace = traceFile(slot);
    if (Files.exists(trace)) {
      return;
    }
    Files.createDirectories(slot);
    Path part = slot.resolve("trace.bin.part");
    api.download(p.url, traceUrl, creds(p), part); // resumes a partial file with Range
    Files.move(part, trace, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Downloads the program unless it is here; false if the bytes were corrupt. */
  private boolean fetchProgram(ProjectState p, TaskState t, String sha, Path file)
      throws IOException, ServerException {
    if (Files.exists(file)) {
      return true;
    }
    Files.createDirectories(programsDir);
    Path part = programsDir.resolve(sha + ".json.part");
    api.download(p.url, keeper.read(s -> t.programUrl), creds(p), part);
    String actual = ProgramVerifier.sha256Hex(Files.readAllBytes(part));
    if (!actual.equals(sha)) {
      Files.deleteIfExists(part);
      corrupt(t, "downloaded program hashes to " + actual + ", expected " + sha);
      return false;
    }
    Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return true;
  }

  private void corrupt(TaskState t, String why) {
    log.warn("task {}: {}", t.leaseId, why);
    keeper.update(
        s -> {
          t.transferFailures++;
          if (t.transferFailures >= MAX_CORRUPT_DOWNLOADS) {
            fail(t, "FAILED", "program download corrupted: " + why);
          } else {
            t.nextTransferMillis =
                settings.clock().millis() + backoff.delayMillis(t.transferFailures);
          }
        });
  }

  private void verify(ProjectState p, TaskState t) {
    String sha = keeper.read(s -> t.programSha256);
    try {
      byte[] bytes = Files.readAllBytes(programFile(sha));
      String keyText = keeper.read(s -> p.serverPublicKey);
      byte[] key = Base64.getDecoder().decode(keyText);
      ProgramVerifier.verify(bytes, sha, keeper.read(s -> t.programSignature), key);
      keeper.update(s -> t.phase = TaskPhase.VERIFIED);
    } catch (ProgramVerificationException e) {
      log.warn("task {}: refusing to run program {}: {}", t.leaseId, sha, e.getMessage());
      if (e.kind() == ProgramVerificationException.Kind.HASH_MISMATCH) {
        try {
          Files.deleteIfExists(programFile(sha));
        } catch (IOException ignored) {
          // the next download overwrites it anyway
        }
        keeper.update(s -> t.phase = TaskPhase.NEW);
        corrupt(t, e.getMessage());
      } else {
        keeper.update(s -> fail(t, "FAILED", "program refused: " + e.getMessage()));
      }
    } catch (IOException e) {
      keeper.update(s -> t.phase = TaskPhase.NEW);
      retryLater(t, "program file: " + e);
    }
  }

  private void upload(ProjectState p, TaskState t) {
    Path result = TaskRunner.resultFile(slotDir(t.leaseId));
    try {
      boolean duplicate = api.upload(p.url, keeper.read(s -> t.uploadUrl), creds(p), result);
      log.info("task {} uploaded{}", t.leaseId, duplicate ? " (the server already had it)" : "");
      keeper.update(
          s -> {
            t.phase = TaskPhase.UPLOADED;
            t.transferFailures = 0;
          });
    } catch (ServerException e) {
      if (e.errorCode().equals("ALREADY_UPLOADED")) {
        keeper.update(s -> t.phase = TaskPhase.UPLOADED);
      } else {
        retryOrDrop(t, e);
      }
    }
  }

  private void retryOrDrop(TaskState t, ServerException e) {
    if (e.retryable()) {
      retryLater(t, e.getMessage());
      return;
    }
    log.warn("task {}: the server refused a transfer: {}", t.leaseId, e.getMessage());
    keeper.update(
        s -> {
          fail(t, "FAILED", "transfer refused: " + e.getMessage());
          boolean leaseGone =
              Set.of("LEASE_EXPIRED", "LEASE_NOT_FOUND", "LEASE_NOT_LIVE").contains(e.errorCode());
          t.reportAcked = leaseGone; // nothing left to tell the server about a dead lease
        });
  }

  private void retryLater(TaskState t, String why) {
    log.info("task {}: transfer failed, retrying later: {}", t.leaseId, why);
    keeper.update(
        s -> {
          t.transferFailures++;
          t.nextTransferMillis =
              settings.clock().millis() + backoff.delayMillis(t.transferFailures);
        });
  }

  static void fail(TaskState t, String outcome, String reason) {
    t.phase = TaskPhase.FAILED;
    t.outcome = outcome;
    t.reason = reason;
  }
}
