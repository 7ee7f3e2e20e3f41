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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;

/**
 * The scheduler RPC's work, run in one transaction on a worker thread: authenticate and check the
 * host in, apply its reports, size the request by its limits, claim jobs from the work segment
 * (memory only: no database read chooses work), and confirm each claim with one conditional update
 * plus the lease insert. Claims are released to the feeder once the transaction ends; if it fails,
 * they are put back for the next request.
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
      Optional<LeaseRepository.LeaseRow> lease = repo.findByToken(tx, report.leaseId(), true);
      if (lease.isPresent()
          && lease.get().hostId() == hostId
          && !report.outcome().equals("UPLOADED")
          && lease.get().state() == io.cairn.schema.state.LeaseState.ACTIVE) {
        repo.abandon(
            tx, lease.get(), report.outcome().toLowerCase() + ": " + orEmpty(report.reason()), now);
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
      List<LeaseRepository.NewLease> granted = new ArrayList<>();
      List<io.cairn.segment.SlotEntry> entries = new ArrayList<>();
      for (Claim c : claims) {
        var entry = c.entry();
        OffsetDateTime deadline = now.plusSeconds(entry.leaseTimeoutSeconds());
        if (!repo.claim(tx, entry.inputGroupId(), entry.kind(), hostId, deadline)) {
          services.metrics().claimsLost.increment();
          continue;
        }
        granted.add(
            new LeaseRepository.NewLease(
                entry.inputGroupId(), entry.kind(), Secrets.newToken(), deadline));
        entries.add(entry);
      }
      if (!granted.isEmpty()) {
        var inputs = repo.insertLeases(tx, hostId, now, granted);
        for (int i = 0; i < granted.size(); i++) {
          var lease = granted.get(i);
          var entry = entries.get(i);
          ProgramInfo program =
              services
                  .programs()
                  .get(tx, entry.programId())
                  .orElseThrow(
                      () ->
                          new IllegalStateException("program " + entry.programId() + " vanished"));
          leases.add(
              leaseJson(
                  lease.token(),
                  entry,
                  program,
                  inputs.get(entry.inputGroupId()),
                  lease.deadline()));
        }
        repo.countJobs(tx, hostId, leases.size());
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
