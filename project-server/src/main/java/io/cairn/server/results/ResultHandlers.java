package io.cairn.server.results;

import io.cairn.blob.BlobKey;
import io.cairn.blob.BlobStore;
import io.cairn.server.Db;
import io.cairn.server.auth.OrgAuth;
import io.cairn.server.http.ApiException;
import io.cairn.server.http.ErrorCode;
import io.cairn.server.http.Params;
import io.cairn.server.http.Replies;
import io.cairn.server.program.RangeReplies;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.InputStream;

/** The organization's validated results: a feed with a cursor, one result, its proof. */
public final class ResultHandlers {
  private static final int MAX_FEED = 500;

  private final Db db;
  private final BlobStore blobs;
  private final ResultRepository repo = new ResultRepository();

  public ResultHandlers(Db db, BlobStore blobs) {
    this.db = db;
    this.blobs = blobs;
  }

  /**
   * GET {@code ?after=<cursor>&limit=&program_id=}: results after the cursor, oldest first, and the
   * cursor to pass next time ({@code next_cursor}; unchanged when there is nothing new).
   */
  public void feed(RoutingContext ctx) {
    long orgId = OrgAuth.orgId(ctx);
    long after = Params.queryLong(ctx, "after", 0);
    int limit = Params.queryInt(ctx, "limit", 100);
    long programId = Params.queryLong(ctx, "program_id", 0);
    if (after < 0 || limit < 1 || limit > MAX_FEED) {
      throw new ApiException(
          ErrorCode.VALIDATION_FAILED, "after must be >= 0 and limit between 1 and " + MAX_FEED);
    }
    db.tx(tx -> repo.feed(tx, orgId, after, programId > 0 ? programId : null, limit))
        .onSuccess(
            items -> {
              long next =
                  items.isEmpty()
                      ? after
                      : items.getJsonObject(items.size() - 1).getLong("result_id");
              Replies.ok(ctx, new JsonObject().put("items", items).put("next_cursor", next));
            })
        .onFailure(ctx::fail);
  }

  public void get(RoutingContext ctx) {
    long orgId = OrgAuth.orgId(ctx);
    long id = Params.pathId(ctx, "result_id", ErrorCode.RESULT_NOT_FOUND);
    db.tx(tx -> repo.find(tx, id, orgId).orElseThrow(() -> notFound(id)))
        .onSuccess(r -> Replies.ok(ctx, r))
        .onFailure(ctx::fail);
  }

  /** GET: the proof file of a result, as the donor uploaded it. */
  public void proof(RoutingContext ctx) {
    long orgId = OrgAuth.orgId(ctx);
    long id = Params.pathId(ctx, "result_id", ErrorCode.RESULT_NOT_FOUND);
    db.tx(tx -> repo.proofBlob(tx, id, orgId).orElseThrow(() -> notFound(id)))
        .compose(
            key ->
                db.blocking(
                    () -> {
                      try (InputStream in = blobs.open(BlobKey.parse(key))) {
                        return new Object[] {key, in.readAllBytes()};
                      } catch (io.cairn.blob.BlobNotFoundException e) {
                        throw new ApiException(ErrorCode.PROOF_NOT_FOUND, "the proof was deleted");
                      }
                    }))
        .onSuccess(
            p -> {
              String key = (String) p[0];
              RangeReplies.send(
                  ctx,
                  (byte[]) p[1],
                  key.substring(key.indexOf('/') + 1),
                  "application/octet-stream");
            })
        .onFailure(ctx::fail);
  }

  private static ApiException notFound(long id) {
    return new ApiException(ErrorCode.RESULT_NOT_FOUND, "no such result: " + id);
  }
}
