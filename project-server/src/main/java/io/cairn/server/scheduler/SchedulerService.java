package io.cairn.server.scheduler;

import io.cairn.segment.Claim;
import io.cairn.segment.SegmentReader;
import io.cairn.server.Services;
import io.cairn.server.auth.Secrets;
import io.cairn.server.http.ApiException;
import io.cairn.server.http.ErrorCode;
import io.cairn.server.inputs.Felts;
import io.cairn.server.program.ProgramRepository.ProgramInfo;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;

/**
 * The scheduler RPC's work, run in one transaction on a worker thread: authenticate and check the
 * host in, apply its reports, size the request by its limits, claim jobs from the work segment
 * (memory only: no database read chooses work), and confirm the claims with one conditional batch
 * update per kind of work (which also returns the inputs) plus one lease insert that counts the
 * jobs: the statements per RPC do not grow with the number of jobs. Claims are released to the
 * feeder once the transaction ends; if it fails, they are put back for the next request.
 */
public final class SchedulerService {
  private final Services services;
  private final LeaseRepository repo = new LeaseRepository();
  private final ConcurrentHashMap<Long, Integer> emptyStreak = new ConcurrentHashMap<>();

  public SchedulerService(Services services) {
    this.services = services;
  }

  /** Handles one RPC of {@code hostId} (whose key hashes to {@code keyHash}). */
  public JsonObject handle(long hostId, String keyHash, SchedulerRequest req) {
    List<Claim> claims = new ArrayList<>();
    try {
      JsonObject reply =
          services
              .db()
              .dsl()
              .transactionResult(cfg -> handle(cfg.dsl(), hostId, keyHash, req, claims));
      SegmentReader segment = services.segment();
      for (Claim c : claims) {
        segment.release(c);
      }
      return reply;
    } catch (RuntimeException e) {
      for (Claim c : claims) {
        services.segment().unclaim(c);
      }
      throw e;
    }
  }

  private JsonObject handle(
      DSLContext tx, long hostId, String keyHash, SchedulerRequest req, List<Claim> claims) {
    OffsetDateTime now = OffsetDateTime.ofInstant(services.clock().instant(), ZoneOffset.UTC);
    var host =
        repo.checkIn(tx, hostId, keyHash, req.host(), now, now.toLocalDate())
            .orElseThrow(
                () -> new ApiException(ErrorCode.INVALID_CREDENTIALS, "wrong or missing key"));
    JsonArray acks = new JsonArray();
    for (var report : req.reports()) {
      // UPLOADED: the upload handler already moved the lease; the report is only acknowledged,
      // with no statement. ABANDONED / FAILED: end the host's own ACTIVE lease.
      if (!report.outcome().equals("UPLOADED")) {
        Optional<LeaseRepository.LeaseRow> lease = repo.findByToken(tx, report.leaseId(), true);
        if (lease.isPresent()
            && lease.get().hostId() == hostId
            && lease.get().state() == io.cairn.schema.state.LeaseState.ACTIVE) {
          repo.abandon(
              tx,
              lease.get(),
              report.outcome().toLowerCase() + ": " + orEmpty(report.reason()),
              now);
        }
      }
      acks.add(report.leaseId());
    }
    boolean wantsWork = req.seconds() > 0 && req.maxJobs() > 0;
    int inProgress = host.activeLeases();
    int byCores = host.cores() - inProgress;
    int byDay = host.maxJobsPerDay() - host.jobsToday();
    int wanted = Math.min(req.maxJobs(), Math.min(byCores, byDay));
    JsonArray leases = new JsonArray();
    String message = null;
    if (wantsWork && wanted > 0) {
      claims.addAll(services.segment().claim(wanted, req.kinds(), e -> true));
      Map<io.cairn.segment.WorkKind, List<Long>> byKind =
          new EnumMap<>(io.cairn.segment.WorkKind.class);
      for (Claim c : claims) {
        byKind
            .computeIfAbsent(c.entry().kind(), k -> new ArrayList<>())
            .add(c.entry().inputGroupId());
      }
      Map<Long, LeaseRepository.ClaimedGroup> moved = new HashMap<>();
      byKind.forEach((kind, ids) -> moved.putAll(repo.claimAll(tx, ids, kind, hostId, now)));
      List<LeaseRepository.NewLease> granted = new ArrayList<>();
      for (Claim c : claims) {
        var entry = c.entry();
        var group = moved.remove(entry.inputGroupId());
        if (group == null) {
          services.metrics().claimsLost.increment();
          continue;
        }
        ProgramInfo program =
            services
                .programs()
                .get(tx, entry.programId())
                .orElseThrow(
                    () -> new IllegalStateException("program " + entry.programId() + " vanished"));
        var lease =
            new LeaseRepository.NewLease(
                entry.inputGroupId(), entry.kind(), Secrets.newToken(), group.deadline());
        granted.add(lease);
        leases.add(leaseJson(lease.token(), entry, program, group.input(), lease.deadline()));
      }
      if (!granted.isEmpty()) {
        repo.insertLeases(tx, hostId, now, granted);
      }
    } else if (wantsWork) {
      message = byDay <= 0 ? "daily job quota reached" : "too many jobs in progress";
    }
    services.metrics().schedulerRequests.increment();
    services.metrics().leasesDispatched.add(leases.size());
    long delay = nextDelay(hostId, wantsWork, leases.size(), wanted, byDay);
    if (wantsWork && leases.isEmpty()) {
      services.metrics().emptyReplies.increment();
      if (message == null) {
        message = "no work available right now";
      }
    }
    return new JsonObject()
        .put("leases", leases)
        .put("acks", acks)
        .put("next_request_delay", delay)
        .put("message", message);
  }

  private JsonObject leaseJson(
      String token,
      io.cairn.segment.SlotEntry entry,
      ProgramInfo program,
      byte[] input,
      OffsetDateTime deadline) {
    boolean prove = entry.kind() == io.cairn.segment.WorkKind.PROVE;
    boolean executeOnly = entry.kind() == io.cairn.segment.WorkKind.EXECUTE;
    String base = "/api/v1/leases/" + token;
    return new JsonObject()
        .put("lease_id", token)
        .put("kind", entry.kind().name())
        .put("input_group_id", entry.inputGroupId())
        .put(
            "program",
            new JsonObject()
                .put("id", program.id())
                .put("url", "/api/v1/programs/" + program.id() + "/file")
                .put("sha256", program.sha256())
                .put("bytecode_hash", program.bytecodeHash())
                .put("signature", Base64.getEncoder().encodeToString(program.signature())))
        .put("input", new JsonArray(List.of((Object[]) Felts.decode(input))))
        .put("max_steps", entry.maxSteps())
        .put("deadline", deadline.toString())
        .put("upload_url", executeOnly ? base + "/trace" : base + "/proof")
        .put("trace_url", prove ? base + "/trace" : null);
  }

  /**
   * Seconds before the host should call again: the base delay after work was given; doubling per
   * empty reply in a row while there is no work (capped); longer when the host hit a limit.
   */
  private long nextDelay(long hostId, boolean wantsWork, int given, int wanted, int byDay) {
    Duration base = services.settings().schedulerDelay();
    Duration max = services.settings().maxBackoff();
    if (!wantsWork || given > 0) {
      emptyStreak.remove(hostId);
      return base.toSeconds();
    }
    if (wanted <= 0) {
      return byDay <= 0 ? max.toSeconds() : Math.min(max.toSeconds(), base.toSeconds() * 6);
    }
    int streak = emptyStreak.merge(hostId, 1, Integer::sum);
    long delay = base.toSeconds() << Math.min(streak, 20);
    return Math.min(max.toSeconds(), delay);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
