package io.cairn.server.program;

import io.cairn.blob.BlobKey;
import io.cairn.blob.BlobRef;
import io.cairn.blob.BlobStore;
import io.cairn.blob.BlobTooLargeException;
import io.cairn.server.Db;
import io.cairn.server.SqlErrors;
import io.cairn.server.auth.OrgAuth;
import io.cairn.server.auth.ServerKey;
import io.cairn.server.http.ApiException;
import io.cairn.server.http.ErrorCode;
import io.cairn.server.http.Paging;
import io.cairn.server.http.Params;
import io.cairn.server.http.Replies;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Organizations' programs: upload (multipart, size-limited, validated by the Cairo VM's loader,
 * signed), list, get, delete with everything under it.
 */
public final class ProgramHandlers {
  private final Db db;
  private final BlobStore blobs;
  private final ServerKey serverKey;
  private final ProgramCache cache;
  private final long maxProgramBytes;
  private final ProgramRepository repo = new ProgramRepository();

  public ProgramHandlers(
      Db db, BlobStore blobs, ServerKey serverKey, ProgramCache cache, long maxProgramBytes) {
    this.db = db;
    this.blobs = blobs;
    this.serverKey = serverKey;
    this.cache = cache;
    this.maxProgramBytes = maxProgramBytes;
  }

  /**
   * POST multipart/form-data: part {@code file} (the cairo-compile JSON) and fields {@code name},
   * {@code description}, {@code max_steps}, {@code lease_timeout_seconds}, {@code max_attempts},
   * {@code execution_only}.
   */
  public void upload(RoutingContext ctx) {
    long orgId = OrgAuth.orgId(ctx);
    MultiMap form = ctx.request().formAttributes();
    FileUpload file =
        ctx.fileUploads().stream().filter(f -> f.name().equals("file")).findFirst().orElse(null);
    if (file == null) {
      throw new ApiException(
          ErrorCode.VALIDATION_FAILED, "send the program as the multipart part 'file'");
    }
    String name = Forms.string(form, "name", 1, 100, null);
    String description = Forms.string(form, "description", 0, 4000, "");
    long maxSteps = Forms.number(form, "max_steps", 1, 1L << 40, 1_000_000);
    int leaseTimeout = (int) Forms.number(form, "lease_timeout_seconds", 10, 30 * 86400, 3600);
    int maxAttempts = (int) Forms.number(form, "max_attempts", 1, 100, 5);
    boolean executionOnly =
        Boolean.parseBoolean(Forms.string(form, "execution_only", 0, 5, "false"));
    Path uploaded = Path.of(file.uploadedFileName());
    db.blocking(
            () -> {
              try {
                if (Files.size(uploaded) > maxProgramBytes) {
                  throw new ApiException(
                      ErrorCode.UPLOAD_TOO_LARGE,
                      "the program is larger than " + maxProgramBytes + " bytes");
                }
                byte[] bytes = Files.readAllBytes(uploaded);
                ProgramFiles checked = ProgramFiles.check(bytes);
                BlobRef ref;
                try (InputStream in = new ByteArrayInputStream(bytes)) {
                  ref = blobs.put("programs", in, maxProgramBytes);
                }
                byte[] signature = serverKey.signProgram(checked.fileSha256());
                return new ProgramRepository.NewProgram(
                    orgId,
                    name,
                    description,
                    checked.bytecodeHash(),
                    ref.key().toString(),
                    ref.sizeBytes(),
                    signature,
                    checked.builtins(),
                    maxSteps,
                    leaseTimeout,
                    maxAttempts,
                    executionOnly);
              } catch (BlobTooLargeException e) {
                throw new ApiException(ErrorCode.UPLOAD_TOO_LARGE, e.getMessage());
              } finally {
                Files.deleteIfExists(uploaded);
              }
            })
        .compose(
            p ->
                db.tx(
                    tx -> {
                      try {
                        return repo.find(tx, repo.insert(tx, p), orgId).orElseThrow();
                      } catch (RuntimeException e) {
                        if (SqlErrors.isUniqueViolation(e, "program_name_unique")) {
                          throw new ApiException(
                              ErrorCode.PROGRAM_NAME_TAKEN,
                              "your organization already has a program named " + name);
                        }
                        throw e;
                      }
                    }))
        .onSuccess(p -> Replies.created(ctx, p))
        .onFailure(ctx::fail);
  }

  /** GET: the caller's programs. */
  public void listMine(RoutingContext ctx) {
    list(ctx, OrgAuth.orgId(ctx));
  }

  /** GET (public): one organization's programs, metadata only. */
  public void listOfOrganization(RoutingContext ctx) {
    list(ctx, Params.pathId(ctx, "org_id", ErrorCode.ACCOUNT_NOT_FOUND));
  }

  /** GET, no login: every organization's programs (public metadata), as the catalog donors see. */
  public void listAll(RoutingContext ctx) {
    list(ctx, null);
  }

  private void list(RoutingContext ctx, Long orgId) {
    Paging paging = Paging.of(ctx);
    String prefix = Params.queryString(ctx, "name_filter", 100);
    db.tx(tx -> repo.list(tx, orgId, prefix, paging))
        .onSuccess(
            r -> Replies.ok(ctx, Replies.page(r.getJsonArray("items"), r.getLong("total"), paging)))
        .onFailure(ctx::fail);
  }

  /** GET: one of the caller's programs, with its input groups counted by state. */
  public void get(RoutingContext ctx) {
    long orgId = OrgAuth.orgId(ctx);
    long id = Params.pathId(ctx, "program_id", ErrorCode.PROGRAM_NOT_FOUND);
    db.tx(
            tx -> {
              JsonObject p = repo.find(tx, id, orgId).orElseThrow(() -> notFound(id));
              return p.put("input_groups", repo.stateCounts(tx, id));
            })
        .onSuccess(p -> Replies.ok(ctx, p))
        .onFailure(ctx::fail);
  }

  /** DELETE: the caller's program with its input groups, leases, uploads and results. */
  public void delete(RoutingContext ctx) {
    long orgId = OrgAuth.orgId(ctx);
    long id = Params.pathId(ctx, "program_id", ErrorCode.PROGRAM_NOT_FOUND);
    db.tx(tx -> repo.delete(tx, id, orgId))
        .onSuccess(
            deleted -> {
              if (!deleted) {
                ctx.fail(notFound(id));
                return;
              }
              cache.evict(id);
              Replies.ok(ctx, new JsonObject().put("deleted", id));
            })
        .onFailure(ctx::fail);
  }

  /**
   * GET (host): the program file exactly as uploaded, with {@code ETag: "<sha256>"} and {@code
   * Range} support.
   */
  public void downloadFile(RoutingContext ctx) {
    long id = Params.pathId(ctx, "program_id", ErrorCode.PROGRAM_NOT_FOUND);
    db.tx(tx -> cache.get(tx, id).orElseThrow(() -> notFound(id)))
        .compose(
            info ->
                db.blocking(
                    () -> {
                      byte[] bytes = cache.file(id);
                      if (bytes == null) {
                        try (InputStream in = blobs.open(BlobKey.parse(info.blobKey()))) {
                          bytes = in.readAllBytes();
                        } catch (IOException e) {
                          throw new IllegalStateException("cannot read program blob", e);
                        }
                        cache.putFile(id, bytes);
                      }
                      return new Object[] {info, bytes};
                    }))
        .onSuccess(
            pair -> {
              var info = (ProgramRepository.ProgramInfo) pair[0];
              RangeReplies.send(ctx, (byte[]) pair[1], info.sha256(), "application/json");
            })
        .onFailure(ctx::fail);
  }

  private static ApiException notFound(long id) {
    return new ApiException(ErrorCode.PROGRAM_NOT_FOUND, "no such program: " + id);
  }
}
