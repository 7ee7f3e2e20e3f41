package io.cairn.server.scheduler;

import io.cairn.segment.WorkKind;
import io.cairn.server.http.ApiException;
import io.cairn.server.http.ErrorCode;
import io.cairn.server.http.JsonBody;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One scheduler RPC as docs/donor-protocol.md defines it, parsed and validated. Unknown fields are
 * refused (a client that sends something the server ignores would believe it was understood).
 *
 * @param host the host's self-description (null fields: unchanged)
 * @param seconds work wanted, in seconds
 * @param maxJobs the most jobs wanted
 * @param kinds what the host will do
 * @param reports what happened to earlier leases
 */
public record SchedulerRequest(
    HostInfo host, long seconds, int maxJobs, Set<WorkKind> kinds, List<Report> reports) {
  public static final int PROTOCOL = 1;
  private static final int MAX_REPORTS = 1000;

  /** The host block. */
  public record HostInfo(
      String name,
      String platform,
      Integer cores,
      Long memoryBytes,
      String clientVersion,
      Double stepsPerSecond) {}

  /** One report. */
  public record Report(String leaseId, String outcome, String reason) {}

  public static SchedulerRequest parse(JsonBody body) {
    int protocol = body.intValue("protocol", 0, 1000, null);
    if (protocol != PROTOCOL) {
      throw new ApiException(
          ErrorCode.UNSUPPORTED_PROTOCOL,
          "this server speaks scheduler protocol " + PROTOCOL + ", not " + protocol);
    }
    HostInfo host = null;
    JsonObject h = body.object("host");
    if (h != null) {
      JsonBody hb =
          JsonBody.wrap(
              h,
              Set.of(
                  "name",
                  "platform",
                  "cores",
                  "memory_bytes",
                  "client_version",
                  "steps_per_second"),
              "host.");
      host =
          new HostInfo(
              hb.optString("name", 100),
              hb.optString("platform", 64),
              hb.has("cores") ? hb.intValue("cores", 1, 4096, null) : null,
              hb.has("memory_bytes") ? hb.longValue("memory_bytes", 0, Long.MAX_VALUE, null) : null,
              hb.optString("client_version", 32),
              hb.has("steps_per_second") ? hb.doubleValue("steps_per_second", 0, 1e12, 0) : null);
    }
    long seconds = 0;
    int maxJobs = 0;
    Set<WorkKind> kinds = EnumSet.of(WorkKind.EXECUTE_AND_PROVE);
    JsonObject w = body.object("work_request");
    if (w != null) {
      JsonBody wb = JsonBody.wrap(w, Set.of("seconds", "max_jobs", "kinds"), "work_request.");
      seconds = wb.longValue("seconds", 0, 365L * 86400, 0L);
      maxJobs = wb.intValue("max_jobs", 0, 1000, 0);
      JsonArray k = wb.array("kinds");
      if (k != null) {
        kinds = EnumSet.noneOf(WorkKind.class);
        for (Object o : k) {
          try {
            kinds.add(WorkKind.valueOf(String.valueOf(o)));
          } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "unknown kind: " + o);
          }
        }
      }
    }
    List<Report> reports = new ArrayList<>();
    JsonArray r = body.array("reports");
    if (r != null) {
      if (r.size() > MAX_REPORTS) {
        throw new ApiException(ErrorCode.VALIDATION_FAILED, "at most " + MAX_REPORTS + " reports");
      }
      for (int i = 0; i < r.size(); i++) {
        if (!(r.getValue(i) instanceof JsonObject ro)) {
          throw new ApiException(
              ErrorCode.VALIDATION_FAILED, "reports[" + i + "] must be an object");
        }
        JsonBody rb =
            JsonBody.wrap(ro, Set.of("lease_id", "outcome", "reason"), "reports[" + i + "].");
        String outcome = rb.string("outcome", 1, 16);
        if (!Set.of("UPLOADED", "ABANDONED", "FAILED").contains(outcome)) {
          throw new ApiException(ErrorCode.VALIDATION_FAILED, "unknown outcome: " + outcome);
        }
        reports.add(
            new Report(rb.string("lease_id", 1, 64), outcome, rb.optString("reason", 1000)));
      }
    }
    return new SchedulerRequest(host, seconds, maxJobs, kinds, reports);
  }
}
