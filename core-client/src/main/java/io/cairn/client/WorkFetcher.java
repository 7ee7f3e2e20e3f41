package io.cairn.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.client.prefs.Preferences;
import io.cairn.client.rpc.HostCredentials;
import io.cairn.client.rpc.HostDescription;
import io.cairn.client.rpc.Lease;
import io.cairn.client.rpc.SchedulerReply;
import io.cairn.client.rpc.ServerApi;
import io.cairn.client.rpc.ServerException;
import io.cairn.client.state.ProjectState;
import io.cairn.client.state.TaskPhase;
import io.cairn.client.state.TaskState;
import io.cairn.client.work.Backoff;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler RPC for one project: decides when to call (work below the buffer minimum, or
 * reports waiting; never before next_request_delay unless reporting; never during an error
 * back-off), builds the request, and applies the reply (new tasks, acknowledged reports, the next
 * delay). Network work happens outside the state lock.
 */
final class WorkFetcher {
  private static final Logger log = LoggerFactory.getLogger(WorkFetcher.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StateKeeper keeper;
  private final ServerApi api;
  private final Backoff backoff;
  private final ClientSettings settings;
  private final HostDescription host;

  WorkFetcher(
      StateKeeper keeper,
      ServerApi api,
      Backoff backoff,
      ClientSettings settings,
      HostDescription host) {
    this.keeper = keeper;
    this.api = api;
    this.backoff = backoff;
    this.settings = settings;
    this.host = host;
  }

  /** What one RPC would carry, decided under the lock. */
  private record Plan(
      String url,
      HostCredentials creds,
      double seconds,
      int maxJobs,
      List<ObjectNode> reports,
      double stepsPerSecond) {}

  /** Runs the RPC for {@code url} if one is due now. Returns whether one was sent. */
  boolean maybeRpc(String url, Preferences prefs, boolean diskFull) {
    long now = settings.clock().millis();
    int workers = prefs.maxWorkers(settings.cores());
    Plan plan =
        keeper.read(
            s -> {
              ProjectState p = s.project(url);
              if (p == null || now < p.backoffUntilMillis) {
                return null;
              }
              List<ObjectNode> reports = reports(p);
              double seconds =
                  p.noMoreWork || diskFull
                      ? 0
                      : WorkBuffer.requestSeconds(p, prefs, workers, settings);
              if (reports.isEmpty() && (seconds <= 0 || now < p.nextRpcMillis)) {
                return null;
              }
              int maxJobs = seconds <= 0 ? 0 : WorkBuffer.maxJobs(p, seconds, workers, settings);
              return new Plan(
                  url,
                  new HostCredentials(p.hostId, p.hostKey),
                  seconds,
                  maxJobs,
                  reports,
                  WorkBuffer.stepsPerSecond(p, settings));
            });
    if (plan == null) {
      return false;
    }
    try {
      SchedulerReply reply = api.scheduler(plan.url, plan.creds, request(plan));
      apply(url, reply);
    } catch (ServerException e) {
      keeper.update(
          s -> {
            ProjectState p = s.project(url);
            if (p != null) {
              p.rpcFailures++;
              p.backoffUntilMillis = settings.clock().millis() + backoff.delayMillis(p.rpcFailures);
              p.lastMessage = "scheduler RPC failed: " + e.getMessage();
            }
          });
      log.warn("scheduler RPC to {} failed: {}", url, e.getMessage());
    }
    return true;
  }

  private static List<ObjectNode> reports(ProjectState p) {
    List<ObjectNode> out = new ArrayList<>();
    for (TaskState t : p.tasks) {
      if (t.reportAcked) {
        continue;
      }
      if (t.phase == TaskPhase.UPLOADED) {
        out.add(JSON.createObjectNode().put("lease_id", t.leaseId).put("outcome", "UPLOADED"));
      } else if (t.phase == TaskPhase.FAILED && t.outcome != null) {
        String reason = t.reason == null ? "" : t.reason;
        out.add(
            JSON.createObjectNode()
                .put("lease_id", t.leaseId)
                .put("outcome", t.outcome)
                .put("reason", reason.length() > 500 ? reason.substring(0, 500) : reason));
      }
    }
    return out;
  }

  private ObjectNode request(Plan plan) {
    ObjectNode r = JSON.createObjectNode().put("protocol", 1);
    r.putObject("host")
        .put("name", host.name())
        .put("platform", host.platform())
        .put("cores", host.cores())
        .put("memory_bytes", host.memoryBytes())
        .put("client_version", host.clientVersion())
        .put("steps_per_second", plan.stepsPerSecond);
    ObjectNode w = r.putObject("work_request");
    w.put("seconds", (long) Math.ceil(plan.seconds)).put("max_jobs", plan.maxJobs);
    ArrayNode kinds = w.putArray("kinds");
    settings.kinds().stream().sorted().forEach(kinds::add);
    ArrayNode reports = r.putArray("reports");
    plan.reports.forEach(reports::add);
    return r;
  }

  private void apply(String url, SchedulerReply reply) {
    long now = settings.clock().millis();
    keeper.update(
        s -> {
          ProjectState p = s.project(url);
          if (p == null) {
            return;
          }
          p.rpcFailures = 0;
          p.backoffUntilMillis = 0;
          p.nextRpcMillis = now + reply.nextRequestDelaySeconds() * 1000;
          p.lastMessage = reply.message();
          Set<String> acks = new HashSet<>(reply.acks());
          Set<String> known = new HashSet<>();
          for (TaskState t : p.tasks) {
            known.add(t.leaseId);
            if (acks.contains(t.leaseId)) {
              t.reportAcked = true;
              if (t.phase == TaskPhase.UPLOADED) {
                t.phase = TaskPhase.REPORTED;
              }
            }
          }
          for (Lease l : reply.leases()) {
            if (known.add(l.leaseId())) {
              p.tasks.add(task(l));
            }
          }
          if (!reply.leases().isEmpty()) {
            log.info("{}: {} new task(s)", url, reply.leases().size());
          }
        });
  }

  private static TaskState task(Lease l) {
    TaskState t = new TaskState();
    t.leaseId = l.leaseId();
    t.kind = l.kind();
    t.inputGroupId = l.inputGroupId();
    t.programId = l.programId();
    t.programUrl = l.programUrl();
    t.programSha256 = l.programSha256().toLowerCase(java.util.Locale.ROOT);
    t.programSignature = l.programSignature();
    t.input = new ArrayList<>(l.input());
    t.maxSteps = l.maxSteps();
    t.deadlineMillis = l.deadline().toEpochMilli();
    t.uploadUrl = l.uploadUrl();
    t.traceUrl = l.traceUrl();
    t.phase = TaskPhase.NEW;
    return t;
  }
}
