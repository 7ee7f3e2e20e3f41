package io.cairn.server.status;

import static io.cairn.schema.jooq.Tables.DAEMON_HEARTBEAT;
import static io.cairn.schema.jooq.Tables.DONOR_ACCOUNT;
import static io.cairn.schema.jooq.Tables.HOST;
import static io.cairn.schema.jooq.Tables.INPUT_GROUP;
import static io.cairn.schema.jooq.Tables.LEASE;
import static io.cairn.schema.jooq.Tables.RESULT;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The numbers of the status page, in one read. */
public final class StatusRepository {
  /** Daemons whose last heartbeat is older than this count as down. */
  public static final Duration DAEMON_STALE = Duration.ofMinutes(2);

  public JsonObject snapshot(DSLContext tx, OffsetDateTime now) {
    JsonArray daemons = new JsonArray();
    tx.selectFrom(DAEMON_HEARTBEAT)
        .orderBy(DAEMON_HEARTBEAT.DAEMON, DAEMON_HEARTBEAT.INSTANCE)
        .forEach(
            r ->
                daemons.add(
                    new JsonObject()
                        .put("daemon", r.getDaemon())
                        .put("instance", r.getInstance())
                        .put("hostname", r.getHostname())
                        .put("pid", r.getPid())
                        .put("beat_at", r.getBeatAt().toString())
                        .put("alive", r.getBeatAt().isAfter(now.minus(DAEMON_STALE)))
                        .put("items_done", r.getItemsDone())
                        .put("backlog", r.getBacklog())));
    JsonObject jobs = new JsonObject();
    for (String s :
        new String[] {
          "READY",
          "LEASED",
          "EXECUTED",
          "PROVING",
          "PROVEN",
          "VALID",
          "ASSIMILATED",
          "ERROR",
          "CANCELLED"
        }) {
      jobs.put(s, 0);
    }
    tx.select(INPUT_GROUP.STATE, DSL.count())
        .from(INPUT_GROUP)
        .groupBy(INPUT_GROUP.STATE)
        .forEach(r -> jobs.put(r.value1(), r.value2()));
    OffsetDateTime hourAgo = now.minusHours(1);
    int leasesLastHour = tx.fetchCount(LEASE, LEASE.ISSUED_AT.gt(hourAgo));
    int resultsLastHour = tx.fetchCount(RESULT, RESULT.VALIDATED_AT.gt(hourAgo));
    int activeHosts = tx.fetchCount(HOST, HOST.LAST_RPC_AT.gt(now.minusDays(1)));
    JsonArray topDonors = new JsonArray();
    tx.select(DONOR_ACCOUNT.DISPLAY_NAME, DONOR_ACCOUNT.TOTAL_CREDIT)
        .from(DONOR_ACCOUNT)
        .orderBy(DONOR_ACCOUNT.TOTAL_CREDIT.desc(), DONOR_ACCOUNT.ID)
        .limit(10)
        .forEach(
            r -> topDonors.add(new JsonObject().put("name", r.value1()).put("credit", r.value2())));
    return new JsonObject()
        .put("generated_at", now.toString())
        .put("daemons", daemons)
        .put("jobs_by_state", jobs)
        .put("leases_last_hour", leasesLastHour)
        .put("results_last_hour", resultsLastHour)
        .put("active_hosts", activeHosts)
        .put("top_donors", topDonors);
  }
}
