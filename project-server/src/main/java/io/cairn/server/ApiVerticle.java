package io.cairn.server;

import io.cairn.server.auth.DonorAuth;
import io.cairn.server.auth.OrgAuth;
import io.cairn.server.donor.DonorHandlers;
import io.cairn.server.http.ApiException;
import io.cairn.server.http.ErrorCode;
import io.cairn.server.http.FailureHandler;
import io.cairn.server.inputs.InputGroupHandlers;
import io.cairn.server.inputs.InputGroupParser;
import io.cairn.server.org.OrganizationHandlers;
import io.cairn.server.program.ProgramHandlers;
import io.cairn.server.program.ProgramTemplate;
import io.cairn.server.results.ResultHandlers;
import io.cairn.server.scheduler.SchedulerHandler;
import io.cairn.server.status.StatusHandlers;
import io.cairn.server.upload.UploadHandlers;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The HTTP API: every route of the server in one block, each pointing at the handler of its
 * aggregate. Several instances share the port (one per core); they share {@link Services}.
 */
public final class ApiVerticle extends VerticleBase {
  private final Services services;
  private HttpServer server;
  private Router router;

  public ApiVerticle(Services services) {
    this.services = services;
  }

  /** Builds the router of the whole API. */
  public static Router router(Vertx vertx, Services s) {
    ServerSettings cfg = s.settings();
    var orgAuth = new OrgAuth(vertx, cfg.jwtSecret(), cfg.accessTokenTtl(), s.accountLimiter());
    var donorAuth = new DonorAuth(s.db(), s.accountLimiter(), s.hostLimiter());
    var orgs =
        new OrganizationHandlers(
            s.db(), orgAuth, cfg.passwords(), cfg.refreshTokenTtl(), s.clock());
    var programs =
        new ProgramHandlers(s.db(), s.blobs(), s.serverKey(), s.programs(), cfg.maxProgramBytes());
    var inputs =
        new InputGroupHandlers(
            s.db(), new InputGroupParser(cfg.maxInputFelts(), cfg.maxGroupsPerRequest()));
    var template = ProgramTemplate.load();
    var results = new ResultHandlers(s.db(), s.blobs());
    var donors = new DonorHandlers(s.db(), cfg.passwords(), s.serverKey());
    var scheduler = new SchedulerHandler(s);
    var uploads = new UploadHandlers(s);
    var status = new StatusHandlers(s);

    Handler<RoutingContext> org = orgAuth.handler();
    Handler<RoutingContext> account = donorAuth.account();
    Handler<RoutingContext> host = donorAuth.host();
    Handler<RoutingContext> anonymous = anonymousLimit(s);
    BodyHandler json = BodyHandler.create(false).setBodyLimit(cfg.maxJsonBytes());
    BodyHandler inputBody = BodyHandler.create(false).setBodyLimit(cfg.maxInputUploadBytes());
    BodyHandler programBody =
        BodyHandler.create(true)
            .setBodyLimit(cfg.maxProgramBytes() + 64 * 1024)
            .setDeleteUploadedFilesOnEnd(true);

    Router r = Router.router(vertx);
    // organizations: accounts and tokens
    r.post("/api/v1/auth/register").handler(json).handler(anonymous).handler(orgs::register);
    r.post("/api/v1/auth/login").handler(json).handler(anonymous).handler(orgs::login);
    r.post("/api/v1/auth/refresh").handler(json).handler(anonymous).handler(orgs::refresh);
    r.post("/api/v1/auth/logout").handler(json).handler(anonymous).handler(orgs::logout);
    r.delete("/api/v1/auth/refresh-tokens/:token_id").handler(org).handler(orgs::revokeById);
    r.get("/api/v1/organizations").handler(anonymous).handler(orgs::list);
    r.get("/api/v1/program-catalog").handler(anonymous).handler(programs::listAll);
    r.get("/api/v1/program-template").handler(anonymous).handler(template::download);
    r.get("/api/v1/organizations/:org_id/programs")
        .handler(anonymous)
        .handler(programs::listOfOrganization);
    // organizations: programs, input groups, results
    r.post("/api/v1/programs").handler(programBody).handler(org).handler(programs::upload);
    r.get("/api/v1/programs").handler(org).handler(programs::listMine);
    r.get("/api/v1/programs/:program_id").handler(org).handler(programs::get);
    r.delete("/api/v1/programs/:program_id").handler(org).handler(programs::delete);
    r.post("/api/v1/programs/:program_id/input-groups")
        .handler(inputBody)
        .handler(org)
        .handler(inputs::upload);
    r.get("/api/v1/programs/:program_id/input-groups").handler(org).handler(inputs::list);
    r.post("/api/v1/programs/:program_id/input-groups/cancel")
        .handler(org)
        .handler(inputs::cancelAll);
    r.get("/api/v1/input-groups/:input_group_id").handler(org).handler(inputs::get);
    r.post("/api/v1/input-groups/:input_group_id/cancel").handler(org).handler(inputs::cancel);
    r.get("/api/v1/results").handler(org).handler(results::feed);
    r.get("/api/v1/results/:result_id").handler(org).handler(results::get);
    r.get("/api/v1/results/:result_id/proof").handler(org).handler(results::proof);
    // donors: the protocol of docs/donor-protocol.md
    r.get("/api/v1/server-key").handler(donors::serverKey);
    r.post("/api/v1/donor/accounts")
        .handler(json)
        .handler(anonymous)
        .handler(donors::createAccount);
    r.post("/api/v1/donor/accounts/lookup")
        .handler(json)
        .handler(anonymous)
        .handler(donors::lookup);
    r.post("/api/v1/donor/hosts").handler(json).handler(account).handler(donors::createHost);
    r.post("/api/v1/scheduler").handler(json).handler(host).handler(scheduler::handle);
    r.get("/api/v1/programs/:program_id/file").handler(host).handler(programs::downloadFile);
    r.put("/api/v1/leases/:lease_id/proof").handler(host).handler(uploads::proof);
    r.put("/api/v1/leases/:lease_id/trace").handler(host).handler(uploads::trace);
    r.get("/api/v1/leases/:lease_id/trace").handler(host).handler(uploads::downloadTrace);
    // operators and monitoring
    r.get("/health").handler(status::health);
    r.get("/status").handler(status::page);
    r.get("/status.json").handler(status::json);
    r.get("/metrics").handler(status::metrics);
    r.get("/openapi.json").handler(status::openApi);

    r.route().failureHandler(FailureHandler::handle);
    r.errorHandler(
        405,
        ctx ->
            FailureHandler.send(
                ctx, new ApiException(ErrorCode.METHOD_NOT_ALLOWED, "method not allowed here")));
    r.errorHandler(
        404,
        ctx -> FailureHandler.send(ctx, new ApiException(ErrorCode.NOT_FOUND, "no such endpoint")));
    return r;
  }

  private static Handler<RoutingContext> anonymousLimit(Services s) {
    return ctx -> {
      String address =
          ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
      if (!s.anonymousLimiter().tryAcquire("ip:" + address)) {
        s.metrics().rateLimited.increment();
        ctx.fail(new ApiException(ErrorCode.RATE_LIMITED, "too many requests from " + address));
        return;
      }
      ctx.next();
    };
  }

  @Override
  public Future<?> start() {
    router = router(vertx, services);
    return vertx
        .createHttpServer(new HttpServerOptions().setCompressionSupported(false))
        .requestHandler(router)
        .listen(services.settings().port(), services.settings().host())
        .onSuccess(s -> server = s);
  }

  /**
   * Every route as {@code "METHOD /path/{param}"}, in OpenAPI's path syntax (the OpenAPI test
   * compares these with openapi.json).
   */
  public java.util.List<String> routes() {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (var route : router.getRoutes()) {
      if (route.getPath() == null || route.methods() == null) {
        continue;
      }
      String path = route.getPath().replaceAll(":([a-z_]+)", "{$1}");
      for (var m : route.methods()) {
        out.add(m.name() + " " + path);
      }
    }
    return out;
  }

  /** The port this instance listens on. */
  public int actualPort() {
    return server.actualPort();
  }
}
