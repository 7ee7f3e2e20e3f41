package io.cairn.server.upload;

import io.cairn.blob.BlobKey;
import io.cairn.blob.BlobRef;
import io.cairn.blob.BlobTooLargeException;
import io.cairn.schema.state.LeaseState;
import io.cairn.segment.WorkKind;
import io.cairn.server.Services;
import io.cairn.server.SqlErrors;
import io.cairn.server.auth.DonorAuth;
import io.cairn.server.http.ApiException;
import io.cairn.server.http.ErrorCode;
import io.cairn.server.http.Replies;
import io.cairn.server.program.RangeReplies;
import io.cairn.server.scheduler.LeaseRepository;
import io.cairn.server.scheduler.LeaseRepository.LeaseRow;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Proof and trace uploads for a live lease (docs/donor-protocol.md): the body is streamed to a
 * spool file with a size limit, then into the blob store, and only then recorded (upload row, lease
 * UPLOADED, group PROVEN or EXECUTED) in one transaction. A retry with the same bytes answers
 * {@code duplicate: true}; different bytes 409 {@code ALREADY_UPLOADED}.
 */
public final class UploadHandlers {
  private final Services services;
  private final LeaseRepository repo = new LeaseRepository();

  public UploadHandlers(Services services) {
    this.services = services;
  }

  public void proof(RoutingContext ctx) {
    upload(ctx, "PROOF");
  }

  public void trace(RoutingContext ctx) {
    upload(ctx, "TRACE");
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(services.clock().instant(), ZoneOffset.UTC);
  }

  private void upload(RoutingContext ctx, String kind) {
    HttpServerRequest req = ctx.request();
    req.pause();
    long hostId = DonorAuth.hostId(ctx);
    String token = ctx.pathParam("lease_id");
    long max = services.settings().maxUploadBytes();
    String length = req.getHeader("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > max) {
          refuse(ctx, tooLarge(max));
          return;
        }
      } catch (NumberFormatException e) {
        refuse(ctx, new ApiException(ErrorCode.VALIDATION_FAILED, "bad Content-Length"));
        return;
      }
    }
    services
        .db()
        .tx(tx -> liveLeaseOf(tx, token, hostId, kind))
        .compose(lease -> spool(req, max).map(file -> new Object[] {lease, file}))
        .compose(
            pair ->
                services
                    .db()
                    .blocking(() -> store((LeaseRow) pair[0], (Path) pair[1], kind, token, max)))
        .onSuccess(reply -> Replies.ok(ctx, reply))
        .onFailure(e -> refuse(ctx, e));
  }

  /** Fails the request, dropping the rest of its body (a large one: the connection closes). */
  private static void refuse(RoutingContext ctx, Throwable e) {
    HttpServerRequest req = ctx.request();
    if (!req.isEnded()) {
      ctx.response().putHeader("Connection", "close");
      req.handler(b -> {});
      req.resume();
    }
    ctx.fail(e);
  }

  /** The caller's lease, checked for kind; liveness is decided after the bytes arrive. */
  private LeaseRow liveLeaseOf(org.jooq.DSLContext tx, String token, long hostId, String kind) {
    LeaseRow lease =
        repo.findByToken(tx, token, false)
            .filter(l -> l.hostId() == hostId)
            .orElseThrow(() -> new ApiException(ErrorCode.LEASE_NOT_FOUND, "no such lease"));
    boolean wantsTrace = lease.kind() == WorkKind.EXECUTE;
    if (wantsTrace != kind.equals("TRACE")) {
      throw new ApiException(
          ErrorCode.VALIDATION_FAILED,
          "a " + lease.kind() + " lease takes a " + (wantsTrace ? "trace" : "proof"));
    }
    return lease;
  }

  /** Streams the request body to a temporary file, failing with 413 past {@code max} bytes. */
  private Future<Path> spool(HttpServerRequest req, long max) {
    Path file;
    try {
      file = Files.createTempFile("cairn-upload-", ".part");
    } catch (IOException e) {
      return Future.failedFuture(e);
    }
    Promise<Path> done = Promise.promise();
    services
        .vertx()
        .fileSystem()
        .open(file.toString(), new OpenOptions().setWrite(true).setTruncateExisting(true))
        .onFailure(done::fail)
        .onSuccess(
            (AsyncFile out) -> {
              long[] received = {0};
              req.handler(
                  buf -> {
                    received[0] += buf.length();
                    if (received[0] > max) {
                      req.handler(null);
                      out.close();
                      deleteQuietly(file);
                      done.tryFail(tooLarge(max));
                      return;
                    }
                    out.write(buf);
                    if (out.writeQueueFull()) {
                      req.pause();
                      out.drainHandler(v -> req.resume());
                    }
                  });
              req.exceptionHandler(
                  e -> {
                    out.close();
                    deleteQuietly(file);
                    done.tryFail(e);
                  });
              req.endHandler(
                  v -> out.close().onSuccess(x -> done.tryComplete(file)).onFailure(done::tryFail));
              req.resume();
            });
    return done.future();
  }

  private JsonObject store(LeaseRow lease, Path file, String kind, String token, long max) {
    try {
      BlobRef ref;
      try (InputStream in = Files.newInputStream(file)) {
        ref = services.blobs().put(kind.equals("TRACE") ? "traces" : "proofs", in, max);
      } catch (BlobTooLargeException e) {
        throw tooLarge(max);
      }
      String blobKey = ref.key().toString();
      return services
          .db()
          .dsl()
          .transactionResult(
              cfg -> {
                var tx = cfg.dsl();
                LeaseRow current = repo.findByToken(tx, token, true).orElseThrow();
                var existing = repo.uploadBlob(tx, current.id(), kind);
                if (existing.isPresent()) {
                  if (existing.get().equals(blobKey)) {
                    services.metrics().uploadsDuplicate.increment();
                    return reply(token, ref.sizeBytes(), true);
                  }
                  throw new ApiException(
                      ErrorCode.ALREADY_UPLOADED,
                      "this lease already has a different " + kind.toLowerCase());
                }
                if (current.state() == LeaseState.EXPIRED
                    || (current.state() == LeaseState.ACTIVE
                        && !current.deadline().isAfter(now()))) {
                  throw new ApiException(ErrorCode.LEASE_EXPIRED, "the lease passed its deadline");
                }
                if (current.state() != LeaseState.ACTIVE) {
                  throw new ApiException(
                      ErrorCode.LEASE_NOT_LIVE, "the lease is " + current.state());
                }
                try {
                  repo.recordUpload(tx, current, kind, blobKey, ref.sizeBytes(), now());
                } catch (RuntimeException e) {
                  if (SqlErrors.isUniqueViolation(e, "upload_one_per_lease_kind")) {
                    throw new ApiException(
                        ErrorCode.ALREADY_UPLOADED, "uploaded concurrently; retry");
                  }
                  throw e;
                }
                services.metrics().uploadsAccepted.increment();
                return reply(token, ref.sizeBytes(), false);
              });
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the spooled upload", e);
    } finally {
      deleteQuietly(file);
    }
  }

  private static JsonObject reply(String token, long size, boolean duplicate) {
    return new JsonObject()
        .put("lease_id", token)
        .put("received_bytes", size)
        .put("duplicate", duplicate);
  }

  /** GET (host): the trace a PROVE lease is to prove. */
  public void downloadTrace(RoutingContext ctx) {
    long hostId = DonorAuth.hostId(ctx);
    String token = ctx.pathParam("lease_id");
    services
        .db()
        .tx(
            tx -> {
              LeaseRow lease =
                  repo.findByToken(tx, token, false)
                      .filter(l -> l.hostId() == hostId && l.kind() == WorkKind.PROVE)
                      .orElseThrow(
                          () -> new ApiException(ErrorCode.LEASE_NOT_FOUND, "no such lease"));
              return repo.traceOfGroup(tx, lease.inputGroupId())
                  .orElseThrow(
                      () -> new ApiException(ErrorCode.LEASE_NOT_FOUND, "no trace for this lease"));
            })
        .compose(
            key ->
                services
                    .db()
                    .blocking(
                        () -> {
                          try (InputStream in = services.blobs().open(BlobKey.parse(key))) {
                            return new Object[] {key, in.readAllBytes()};
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

  private static ApiException tooLarge(long max) {
    return new ApiException(
        ErrorCode.UPLOAD_TOO_LARGE, "the upload is larger than " + max + " bytes");
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover temp file is harmless
    }
  }
}
