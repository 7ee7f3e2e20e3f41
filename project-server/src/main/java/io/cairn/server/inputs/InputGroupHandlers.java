package io.cairn.server.inputs;

import io.cairn.server.Db;
import io.cairn.server.auth.OrgAuth;
import io.cairn.server.http.ApiException;
import io.cairn.server.http.ErrorCode;
import io.cairn.server.http.Paging;
import io.cairn.server.http.Params;
import io.cairn.server.http.Replies;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/** Organizations' input groups: bulk upload, listing with state, details, cancellation. */
public final class InputGroupHandlers {
  private static final Set<String> STATES =
      Set.of(
          "READY",
          "LEASED",
          "EXECUTED",
          "PROVING",
          "PROVEN",
          "VALID",
          "ASSIMILATED",
          "ERROR",
          "CANCELLED");
  private static final int MAX_REPORTED_ERRORS = 200;

  private final Db db;
  private final InputGroupParser parser;
  private final InputGroupRepository repo = new InputGroupRepository();

  public InputGroupHandlers(Db db, InputGroupParser parser) {
    this.db = db;
    this.parser = parser;
  }

  /**
   * POST {@code text/csv} or {@code application/x-ndjson}: many groups, all accepted in one
   * transaction or none (422 {@code INVALID_INPUT_GROUPS} listing the bad lines).
   */
  public void upload(RoutingContext ctx) {
    long orgId = OrgAuth.orgId(ctx);
    long programId = Params.pathId(ctx, "program_id", ErrorCode.PROGRAM_NOT_FOUND);
    String type = ctx.request().getHeader("Content-Type");
    type = type == null ? "" : type.toLowerCase();
    boolean csv;
    if (type.startsWith("text/csv")) {
      csv = true;
    } else if (type.startsWith("application/x-ndjson") || type.startsWith("application/jsonl")) {
      csv = false;
    } else {
      throw new ApiException(
          ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          "send input groups as text/csv or application/x-ndjson (one group per line)");
    }
    String body = ctx.body().asString("UTF-8");
    db.blocking(() -> parser.parse(body == null ? "" : body, csv))
        .compose(
            parsed -> {
              if (!parsed.errors().isEmpty()) {
                JsonArray details = new JsonArray();
                parsed.errors().stream()
                    .limit(MAX_REPORTED_ERRORS)
                    .forEach(
                        e ->
                            details.add(
                                new JsonObject()
                                    .put("line", e.line())
                                    .put("message", e.message())));
                throw new ApiException(
                    ErrorCode.INVALID_INPUT_GROUPS,
                    parsed.errors().size() + " line(s) are invalid; nothing was stored",
                    details);
              }
              return db.tx(
                  tx -> {
                    var defaults =
                        repo.programDefaults(tx, programId, orgId)
                            .orElseThrow(
                                () ->
                                    new ApiException(
                                        ErrorCode.PROGRAM_NOT_FOUND,
                                        "no such program: " + programId));
                    return repo.insertAll(tx, programId, orgId, defaults, parsed.groups());
                  });
            })
        .onSuccess(
            ids ->
                Replies.created(
                    ctx,
                    new JsonObject()
                        .put("program_id", programId)
                        .put("created", ids.size())
                        .put("ids", new JsonArray(ids))))
        .onFailure(ctx::fail);
  }

  /** GET: a program's groups with their state ({@code state} filter optional). */
  public void list(RoutingContext ctx) {
    long orgId = OrgAuth.orgId(ctx);
    long programId = Params.pathId(ctx, "program_id", ErrorCode.PROGRAM_NOT_FOUND);
    Paging paging = Paging.of(ctx);
    String state = Params.queryString(ctx, "state", 16);
    if (state != null && !STATES.contains(state)) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "unknown state: " + state);
    }
    db.tx(
            tx -> {
              if (repo.programDefaults(tx, programId, orgId).isEmpty()) {
                throw new ApiException(
                    ErrorCode.PROGRAM_NOT_FOUND, "no such program: " + programId);
              }
              return repo.list(tx, programId, orgId, state, paging);
            })
        .onSuccess(
            r -> Replies.ok(ctx, Replies.page(r.getJsonArray("items"), r.getLong("total"), paging)))
        .onFailure(ctx::fail);
  }

  /** GET: one group with its input. */
  public void get(RoutingContext ctx) {
    long orgId = OrgAuth.orgId(ctx);
    long id = Params.pathId(ctx, "input_group_id", ErrorCode.INPUT_GROUP_NOT_FOUND);
    db.tx(tx -> repo.find(tx, id, orgId).orElseThrow(() -> notFound(id)))
        .onSuccess(g -> Replies.ok(ctx, g))
        .onFailure(ctx::fail);
  }

  /** POST: cancel one group (and its live lease). */
  public void cancel(RoutingContext ctx) {
    long orgId = OrgAuth.orgId(ctx);
    long id = Params.pathId(ctx, "input_group_id", ErrorCode.INPUT_GROUP_NOT_FOUND);
    db.tx(
            tx -> {
              boolean done =
                  repo.cancel(tx, id, orgId, "org:" + orgId).orElseThrow(() -> notFound(id));
              if (!done) {
                throw new ApiException(
                    ErrorCode.INPUT_GROUP_NOT_CANCELLABLE,
                    "input group " + id + " is finished and cannot be cancelled");
              }
              return repo.find(tx, id, orgId).orElseThrow();
            })
        .onSuccess(g -> Replies.ok(ctx, g))
        .onFailure(ctx::fail);
  }

  /** POST: cancel every unfinished group of a program. */
  public void cancelAll(RoutingContext ctx) {
    long orgId = OrgAuth.orgId(ctx);
    long programId = Params.pathId(ctx, "program_id", ErrorCode.PROGRAM_NOT_FOUND);
    db.tx(
            tx -> {
              if (repo.programDefaults(tx, programId, orgId).isEmpty()) {
                throw new ApiException(
                    ErrorCode.PROGRAM_NOT_FOUND, "no such program: " + programId);
              }
              int n = 0;
              for (long id : repo.cancellableIds(tx, programId, orgId)) {
                if (repo.cancel(tx, id, orgId, "org:" + orgId).orElse(false)) {
                  n++;
                }
              }
              return n;
            })
        .onSuccess(n -> Replies.ok(ctx, new JsonObject().put("cancelled", n)))
        .onFailure(ctx::fail);
  }

  private static ApiException notFound(long id) {
    return new ApiException(ErrorCode.INPUT_GROUP_NOT_FOUND, "no such input group: " + id);
  }
}
