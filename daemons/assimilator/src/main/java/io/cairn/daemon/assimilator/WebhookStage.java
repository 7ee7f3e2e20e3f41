package io.cairn.daemon.assimilator;

import static io.cairn.schema.jooq.Tables.STATE_CHANGE;
import static io.cairn.schema.jooq.Tables.WEBHOOK;
import static io.cairn.schema.jooq.Tables.WEBHOOK_DELIVERY;
import static io.cairn.schema.jooq.Tables.WEBHOOK_DELIVERY_ATTEMPT;

import io.cairn.daemon.DaemonContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers due webhook calls, at least once: a delivery is claimed by pushing its {@code
 * next_attempt_at} forward by the claim timeout (so a dead instance's claim lapses and another
 * retries), POSTed with its signature, logged in {@code webhook_delivery_attempt}, and then
 * DELIVERED (2xx), rescheduled with exponential back-off, or DEAD after the last attempt.
 */
final class WebhookStage {
  private static final Logger log = LoggerFactory.getLogger(WebhookStage.class);

  private static final String CLAIM =
      """
      UPDATE webhook_delivery d SET next_attempt_at = ?::timestamptz, attempts = d.attempts + 1
      FROM (SELECT id FROM webhook_delivery
            WHERE state = 'PENDING' AND next_attempt_at <= ?::timestamptz
            ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) c
      WHERE d.id = c.id
      RETURNING d.id, d.webhook_id, d.result_id, d.attempts
      """;

  private record Claimed(long id, long webhookId, long resultId, int attempt) {}

  private record Outcome(Integer status, String error) {
    boolean delivered() {
      return status != null && status >= 200 && status < 300;
    }
  }

  private final DSLContext dsl;
  private final DaemonContext context;
  private final AssimilatorSettings settings;
  private final HttpClient http;

  WebhookStage(DSLContext dsl, DaemonContext context, AssimilatorSettings settings) {
    this.dsl = dsl;
    this.context = context;
    this.settings = settings;
    this.http = HttpClient.newBuilder().connectTimeout(settings.httpTimeout()).build();
  }

  int run(Instant now) {
    OffsetDateTime t = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    List<Claimed> claimed =
        dsl.fetch(CLAIM, t.plus(settings.claimTimeout()), t, settings.batchSize()).stream()
            .map(
                (Record r) ->
                    new Claimed(
                        r.get("id", Long.class),
                        r.get("webhook_id", Long.class),
                        r.get("result_id", Long.class),
                        r.get("attempts", Integer.class)))
            .toList();
    return context
        .items()
        .forEach(claimed, d -> "webhook delivery " + d.id(), this::deliver)
        .handled();
  }

  private void deliver(Claimed d) {
    String url =
        dsl.select(WEBHOOK.URL)
            .from(WEBHOOK)
            .where(WEBHOOK.ID.eq(d.webhookId()))
            .and(WEBHOOK.ACTIVE.isTrue())
            .fetchOne(WEBHOOK.URL);
    ResultRows.Loaded loaded = ResultRows.load(dsl, d.resultId());
    long started = System.nanoTime();
    Outcome outcome;
    if (url == null || loaded == null) {
      outcome = new Outcome(null, url == null ? "webhook deactivated" : "result deleted");
    } else {
      outcome = post(url, loaded, d);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    boolean last = d.attempt() >= settings.webhookMaxAttempts() || url == null || loaded == null;
    record(d, outcome, millis, last);
  }

  private Outcome post(String url, ResultRows.Loaded loaded, Claimed d) {
    byte[] body = ResultJson.of(loaded.result(), d.id()).getBytes(StandardCharsets.UTF_8);
    long timestamp = context.clock().instant().getEpochSecond();
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(settings.httpTimeout())
              .header("Content-Type", "application/json")
              .header("Cairn-Event", "result.validated")
              .header("Cairn-Delivery", Long.toString(d.id()))
              .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
              .header(
                  WebhookSignature.SIGNATURE_HEADER,
                  WebhookSignature.sign(loaded.webhookSecret(), timestamp, body))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      String error =
          status >= 200 && status < 300
              ? null
              : "HTTP " + status + ": " + truncate(response.body(), 200);
      return new Outcome(status, error);
    } catch (IOException | IllegalArgumentException e) {
      return new Outcome(null, truncate(e.toString(), 500));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(null, "interrupted (shutdown)");
    }
  }

  private void record(Claimed d, Outcome outcome, long millis, boolean last) {
    OffsetDateTime now = OffsetDateTime.ofInstant(context.clock().instant(), ZoneOffset.UTC);
    dsl.transaction(
        c -> {
          DSLContext tx = c.dsl();
          tx.insertInto(WEBHOOK_DELIVERY_ATTEMPT)
              .set(WEBHOOK_DELIVERY_ATTEMPT.DELIVERY_ID, d.id())
              .set(WEBHOOK_DELIVERY_ATTEMPT.ATTEMPT, d.attempt())
              .set(WEBHOOK_DELIVERY_ATTEMPT.STATUS, outcome.status())
              .set(WEBHOOK_DELIVERY_ATTEMPT.ERROR, outcome.error())
              .set(WEBHOOK_DELIVERY_ATTEMPT.DURATION_MS, millis)
              .set(WEBHOOK_DELIVERY_ATTEMPT.ATTEMPTED_AT, now)
              .execute();
          var update =
              tx.update(WEBHOOK_DELIVERY)
                  .set(WEBHOOK_DELIVERY.LAST_STATUS, outcome.status())
                  .set(WEBHOOK_DELIVERY.LAST_ERROR, outcome.error());
          String to;
          if (outcome.delivered()) {
            to = "DELIVERED";
            update = update.set(WEBHOOK_DELIVERY.STATE, to).set(WEBHOOK_DELIVERY.DELIVERED_AT, now);
          } else if (last) {
            to = "DEAD";
            update = update.set(WEBHOOK_DELIVERY.STATE, to);
          } else {
            to = null;
            update =
                update.set(
                    WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, now.plus(settings.backoffAfter(d.attempt())));
          }
          int moved =
              update
                  .where(WEBHOOK_DELIVERY.ID.eq(d.id()))
                  .and(WEBHOOK_DELIVERY.STATE.eq("PENDING"))
                  .and(WEBHOOK_DELIVERY.ATTEMPTS.eq(d.attempt()))
                  .execute();
          if (moved == 1 && to != null) {
            tx.insertInto(STATE_CHANGE)
                .set(STATE_CHANGE.ENTITY, "DELIVERY")
                .set(STATE_CHANGE.ENTITY_ID, d.id())
                .set(STATE_CHANGE.FROM_STATE, "PENDING")
                .set(STATE_CHANGE.TO_STATE, to)
                .set(STATE_CHANGE.EVENT, to.equals("DEAD") ? "GIVE_UP" : "DELIVER")
                .set(STATE_CHANGE.ACTOR, context.actor())
                .set(STATE_CHANGE.REASON, outcome.error())
                .set(STATE_CHANGE.CHANGED_AT, now)
                .execute();
          }
        });
    if ("DEAD".equals(outcomeState(outcome, last))) {
      log.error(
          "{}: webhook delivery {} DEAD after {} attempts: {}",
          context.actor(),
          d.id(),
          d.attempt(),
          outcome.error());
    } else if (!outcome.delivered()) {
      log.warn(
          "{}: webhook delivery {} attempt {} failed: {}",
          context.actor(),
          d.id(),
          d.attempt(),
          outcome.error());
    }
  }

  private static String outcomeState(Outcome outcome, boolean last) {
    return outcome.delivered() ? "DELIVERED" : last ? "DEAD" : "PENDING";
  }

  private static String truncate(String s, int max) {
    return s == null ? "" : s.length() <= max ? s : s.substring(0, max) + "...";
  }

  void close() {
    http.close();
  }
}
