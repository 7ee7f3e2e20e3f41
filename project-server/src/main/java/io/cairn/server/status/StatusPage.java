package io.cairn.server.status;

import io.vertx.core.json.JsonObject;

/** Renders the status snapshot as HTML and as Prometheus text. */
final class StatusPage {
  private StatusPage() {}

  static String render(JsonObject s) {
    StringBuilder h = new StringBuilder();
    h.append(
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>Cairn server status</title>")
        .append(
            "<style>body{font-family:sans-serif;margin:2em}td,th{padding:2px 10px;text-align:left}")
        .append(".up{color:green}.down{color:#b00}</style></head><body>")
        .append("<h1>Cairn server status</h1><p>As of ")
        .append(esc(s.getString("generated_at")))
        .append("</p><h2>Daemons</h2><table><tr><th>daemon</th><th>instance</th><th>host</th>")
        .append("<th>state</th><th>last beat</th><th>done</th><th>backlog</th></tr>");
    for (Object o : s.getJsonArray("daemons")) {
      JsonObject d = (JsonObject) o;
      boolean alive = d.getBoolean("alive");
      h.append("<tr><td>")
          .append(esc(d.getString("daemon")))
          .append("</td><td>")
          .append(esc(d.getString("instance")))
          .append("</td><td>")
          .append(esc(d.getString("hostname")))
          .append("</td><td class=\"")
          .append(alive ? "up\">running" : "down\">not running")
          .append("</td><td>")
          .append(esc(d.getString("beat_at")))
          .append("</td><td>")
          .append(d.getLong("items_done"))
          .append("</td><td>")
          .append(d.getLong("backlog"))
          .append("</td></tr>");
    }
    JsonObject feeder = s.getJsonObject("feeder");
    h.append("</table><p>Feeder segment: ")
        .append(feeder.getInteger("segment_present"))
        .append(" of ")
        .append(feeder.getInteger("segment_slots"))
        .append(" slots hold ready jobs (last refresh ")
        .append(esc(feeder.getString("last_refresh")))
        .append(").</p>");
    h.append("<h2>Jobs</h2><table><tr><th>state</th><th>input groups</th></tr>");
    JsonObject jobs = s.getJsonObject("jobs_by_state");
    for (String state : jobs.fieldNames()) {
      h.append("<tr><td>")
          .append(esc(state))
          .append("</td><td>")
          .append(jobs.getValue(state))
          .append("</td></tr>");
    }
    h.append("</table><p>Leases issued in the last hour: ")
        .append(s.getInteger("leases_last_hour"))
        .append("; results validated in the last hour: ")
        .append(s.getInteger("results_last_hour"))
        .append("; hosts active in the last day: ")
        .append(s.getInteger("active_hosts"))
        .append(".</p><h2>Top donors</h2><table><tr><th>donor</th><th>credit</th></tr>");
    for (Object o : s.getJsonArray("top_donors")) {
      JsonObject d = (JsonObject) o;
      h.append("<tr><td>")
          .append(esc(d.getString("name")))
          .append("</td><td>")
          .append(formatCredit(d.getDouble("credit")))
          .append("</td></tr>");
    }
    return h.append("</table></body></html>").toString();
  }

  static String prometheus(JsonObject s, Metrics m) {
    StringBuilder p = new StringBuilder();
    p.append("# HELP cairn_input_groups Input groups by state.\n# TYPE cairn_input_groups gauge\n");
    JsonObject jobs = s.getJsonObject("jobs_by_state");
    for (String state : jobs.fieldNames()) {
      p.append("cairn_input_groups{state=\"")
          .append(state)
          .append("\"} ")
          .append(jobs.getValue(state))
          .append('\n');
    }
    p.append(
        "# HELP cairn_daemon_up Whether a daemon instance beat recently.\n# TYPE cairn_daemon_up gauge\n");
    for (Object o : s.getJsonArray("daemons")) {
      JsonObject d = (JsonObject) o;
      p.append("cairn_daemon_up{daemon=\"")
          .append(label(d.getString("daemon")))
          .append("\",instance=\"")
          .append(label(d.getString("instance")))
          .append("\"} ")
          .append(d.getBoolean("alive") ? 1 : 0)
          .append('\n');
    }
    gauge(
        p,
        "cairn_active_hosts",
        "Hosts that called in the last day.",
        s.getInteger("active_hosts"));
    gauge(
        p,
        "cairn_leases_last_hour",
        "Leases issued in the last hour.",
        s.getInteger("leases_last_hour"));
    gauge(
        p,
        "cairn_results_last_hour",
        "Results validated in the last hour.",
        s.getInteger("results_last_hour"));
    gauge(
        p,
        "cairn_segment_present",
        "Ready jobs in the feeder segment.",
        s.getJsonObject("feeder").getInteger("segment_present"));
    counter(
        p, "cairn_scheduler_requests_total", "Scheduler RPCs served.", m.schedulerRequests.sum());
    counter(p, "cairn_leases_dispatched_total", "Leases handed out.", m.leasesDispatched.sum());
    counter(
        p,
        "cairn_claims_lost_total",
        "Segment claims whose group had moved on.",
        m.claimsLost.sum());
    counter(
        p,
        "cairn_scheduler_empty_replies_total",
        "Work requests answered without work.",
        m.emptyReplies.sum());
    counter(p, "cairn_uploads_total", "Uploads recorded.", m.uploadsAccepted.sum());
    counter(
        p,
        "cairn_uploads_duplicate_total",
        "Retried uploads answered as duplicates.",
        m.uploadsDuplicate.sum());
    counter(
        p,
        "cairn_scheduler_queue_ms_total",
        "Time scheduler RPCs waited for a worker.",
        m.schedulerQueueNanos.sum() / 1_000_000L);
    counter(
        p,
        "cairn_scheduler_work_ms_total",
        "Time scheduler RPCs spent in their transaction.",
        m.schedulerWorkNanos.sum() / 1_000_000L);
    counter(
        p, "cairn_rate_limited_total", "Requests refused by a rate limit.", m.rateLimited.sum());
    return p.toString();
  }

  private static void gauge(StringBuilder p, String name, String help, long v) {
    p.append("# HELP ")
        .append(name)
        .append(' ')
        .append(help)
        .append("\n# TYPE ")
        .append(name)
        .append(" gauge\n")
        .append(name)
        .append(' ')
        .append(v)
        .append('\n');
  }

  private static void counter(StringBuilder p, String name, String help, long v) {
    p.append("# HELP ")
        .append(name)
        .append(' ')
        .append(help)
        .append("\n# TYPE ")
        .append(name)
        .append(" counter\n")
        .append(name)
        .append(' ')
        .append(v)
        .append('\n');
  }

  private static String label(String v) {
    return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static String esc(String v) {
    if (v == null) {
      return "";
    }
    return v.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /** Credit with enough digits that a small first grant does not show as 0.0. */
  static String formatCredit(double credit) {
    return String.format(java.util.Locale.ROOT, credit >= 100 ? "%.1f" : "%.4f", credit);
  }
}
