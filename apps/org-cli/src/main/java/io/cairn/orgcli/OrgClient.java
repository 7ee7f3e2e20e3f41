package io.cairn.orgcli;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.orgcli.model.CreatedGroups;
import io.cairn.orgcli.model.InputGroup;
import io.cairn.orgcli.model.Page;
import io.cairn.orgcli.model.Program;
import io.cairn.orgcli.model.ProgramUpload;
import io.cairn.orgcli.model.Registration;
import io.cairn.orgcli.model.Result;
import io.cairn.orgcli.model.ResultFeed;
import io.cairn.orgcli.model.Session;
import io.cairn.orgcli.model.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The organization API of a Cairn server, as blocking Java calls: what {@code cairn-org}'s commands
 * run, and what the end-to-end demo drives in-process.
 *
 * <p>The session lives in a {@link TokenStore}. Authenticated calls refresh the access token with
 * the refresh token when it is about to expire, or when the server answers {@code INVALID_TOKEN},
 * then retry once; every rotation is saved at once. A {@code RATE_LIMITED} answer is retried after
 * the server's {@code Retry-After}, a few times.
 *
 * <p>Failures are typed: {@link ServerError} (the server's error envelope), {@link
 * ConnectionFailure} (unreachable, or not Cairn's API), {@link NotLoggedIn}, {@link BadLocalInput}.
 */
public final class OrgClient {
  /** Refresh the access token when it expires within this many seconds. */
  private static final long REFRESH_MARGIN_SECONDS = 30;

  private static final int MAX_PAGE = 50;

  private final ApiHttp api;
  private final TokenStore store;
  private final Clock clock;

  /** A client of the server at {@code baseUrl} (e.g. {@code http://127.0.0.1:8080}). */
  public OrgClient(String baseUrl, TokenStore store) {
    this(baseUrl, store, Clock.systemUTC());
  }

  public OrgClient(String baseUrl, TokenStore store, Clock clock) {
    this.api = new ApiHttp(parseBase(baseUrl));
    this.store = store;
    this.clock = clock;
  }

  private static URI parseBase(String baseUrl) {
    try {
      String b = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
      URI uri = URI.create(b);
      if (uri.getScheme() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null) {
        throw new BadLocalInput("the server URL must be http(s)://host[:port], not " + baseUrl);
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new BadLocalInput("the server URL is malformed: " + baseUrl, e);
    }
  }

  /** The server's base URL, without a trailing slash. */
  public String server() {
    return api.server();
  }

  // ---------------------------------------------------------------- accounts and sessions

  /** Creates an organization with its first user. Does not log in. */
  public Registration register(
      String username, String password, String name, String publicName, String description) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", username);
    body.put("password", password);
    body.put("name", name);
    if (publicName != null) {
      body.put("public_name", publicName);
    }
    if (description != null) {
      body.put("description", description);
    }
    return api.as(
        api.call(api.jsonRequest("POST", "/api/v1/auth/register", body)), Registration.class);
  }

  /** Logs in and stores the new session. */
  public Session login(String username, String password) {
    Tokens t =
        api.as(
            api.call(
                api.jsonRequest(
                    "POST",
                    "/api/v1/auth/login",
                    Map.of("username", username, "password", password))),
            Tokens.class);
    Session s = new Session(server(), username, 0, 0, null, null, null, null, null).withTokens(t);
    store.save(s);
    return s;
  }

  /** The stored session (for this server). */
  public Session session() {
    Session s =
        store.load().orElseThrow(() -> new NotLoggedIn("not logged in; run 'cairn-org login'"));
    if (s.server() != null && !sameServer(s.server())) {
      throw new NotLoggedIn(
          "the stored session is for " + s.server() + ", not " + server() + "; log in again");
    }
    return s;
  }

  private boolean sameServer(String other) {
    String o = other.endsWith("/") ? other.substring(0, other.length() - 1) : other;
    return o.equals(server());
  }

  /** Exchanges the refresh token for new tokens (the old refresh token dies) and stores them. */
  public Session refresh() {
    return refresh(session());
  }

  /**
   * Refreshes {@code used} unless another caller of the same store already replaced it, in which
   * case the stored session is the answer; read, exchange and save happen under the store's lock.
   */
  private Session refresh(Session used) {
    return store.exclusively(
        () -> {
          Session current = session();
          if (!java.util.Objects.equals(current.refreshToken(), used.refreshToken())) {
            return current;
          }
          Tokens t =
              api.as(
                  api.call(
                      api.jsonRequest(
                          "POST",
                          "/api/v1/auth/refresh",
                          Map.of("refresh_token", current.refreshToken()))),
                  Tokens.class);
          Session next = current.withTokens(t);
          store.save(next);
          return next;
        });
  }

  /**
   * Revokes the refresh token on the server and forgets the session. A session the server no longer
   * knows is forgotten as well; returns false in that case.
   */
  public boolean logout() {
    Session s = session();
    try {
      api.call(
          api.jsonRequest(
              "POST", "/api/v1/auth/logout", Map.of("refresh_token", s.refreshToken())));
      return true;
    } catch (ServerError e) {
      if (e.code() == ServerErrorCode.REFRESH_TOKEN_NOT_FOUND) {
        return false;
      }
      throw e;
    } finally {
      store.clear();
    }
  }

  // ---------------------------------------------------------------- programs

  /** Uploads a program file (the JSON cairo-compile or Cairn's assembler writes). */
  public Program uploadProgram(Path file, ProgramUpload form) {
    byte[] bytes = readLocal(file);
    MultipartBody body =
        new MultipartBody()
            .field("name", form.name())
            .field("description", form.description())
            .field("max_steps", form.maxSteps())
            .field("lease_timeout_seconds", form.leaseTimeoutSeconds())
            .field("max_attempts", form.maxAttempts())
            .field("execution_only", form.executionOnly() ? "true" : null)
            .file("file", file.getFileName().toString(), "application/json", bytes);
    String type = body.contentType();
    byte[] content = body.bytes();
    return api.as(
        authed(
            token ->
                api.request("/api/v1/programs", token)
                    .timeout(Duration.ofMinutes(5))
                    .header("Content-Type", type)
                    .POST(BodyPublishers.ofByteArray(content))),
        Program.class);
  }

  /** One page of the caller's programs, optionally only names starting with {@code prefix}. */
  public Page<Program> listPrograms(int page, int limit, String prefix) {
    String q = "?page=" + page + "&limit=" + limit;
    if (prefix != null) {
      q += "&name_filter=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8);
    }
    String path = "/api/v1/programs" + q;
    return api.page(authed(token -> api.request(path, token).GET()), Program.class);
  }

  /** Every program of the caller's organization. */
  public List<Program> allPrograms() {
    List<Program> all = new ArrayList<>();
    for (int p = 1; ; p++) {
      Page<Program> page = listPrograms(p, MAX_PAGE, null);
      all.addAll(page.items());
      if (page.items().isEmpty() || all.size() >= page.totalElementsAmount()) {
        return all;
      }
    }
  }

  /** One program with its input groups counted by state. */
  public Program program(long id) {
    return api.as(
        authed(token -> api.request("/api/v1/programs/" + id, token).GET()), Program.class);
  }

  /**
   * The id of a program given by id (digits) or by its exact name; a name that matches nothing is a
   * {@code PROGRAM_NOT_FOUND} error.
   */
  public long resolveProgram(String idOrName) {
    if (idOrName.matches("[0-9]{1,18}")) {
      return Long.parseLong(idOrName);
    }
    for (int p = 1; ; p++) {
      Page<Program> page = listPrograms(p, MAX_PAGE, idOrName);
      for (Program program : page.items()) {
        if (program.name().equals(idOrName)) {
          return program.id();
        }
      }
      if (page.items().isEmpty() || (long) p * MAX_PAGE >= page.totalElementsAmount()) {
        throw new ServerError(
            404, "PROGRAM_NOT_FOUND", "no program named '" + idOrName + "'", null);
      }
    }
  }

  /** Deletes a program with all its input groups, leases, proofs and results. */
  public void deleteProgram(long id) {
    authed(token -> api.request("/api/v1/programs/" + id, token).DELETE());
  }

  // ---------------------------------------------------------------- input groups

  /**
   * Uploads input groups in requests of at most {@link InputGroupsText#MAX_LINES_PER_REQUEST}
   * lines. Each request is all-or-nothing; {@code onChunk} hears of every request that was stored,
   * so after a failure the caller knows which lines were kept. Errors name lines of the whole text.
   */
  public CreatedGroups createInputGroups(
      long programId, InputGroupsText groups, Consumer<CreatedGroups> onChunk) {
    List<Long> ids = new ArrayList<>();
    for (InputGroupsText.Chunk chunk : groups.chunks()) {
      CreatedGroups created;
      try {
        created =
            api.as(
                authed(
                    token ->
                        api.request("/api/v1/programs/" + programId + "/input-groups", token)
                            .timeout(Duration.ofMinutes(5))
                            .header("Content-Type", groups.format().contentType())
                            .POST(BodyPublishers.ofString(chunk.body(), StandardCharsets.UTF_8))),
                CreatedGroups.class);
      } catch (ServerError e) {
        throw chunk.firstLine() == 1 ? e : e.withLineOffset(chunk.firstLine() - 1);
      }
      ids.addAll(created.ids());
      if (onChunk != null) {
        onChunk.accept(created);
      }
    }
    return new CreatedGroups(programId, ids.size(), List.copyOf(ids));
  }

  /** One page of a program's input groups, optionally in one state only. */
  public Page<InputGroup> listInputGroups(long programId, String state, int page, int limit) {
    String q = "?page=" + page + "&limit=" + limit + (state == null ? "" : "&state=" + state);
    String path = "/api/v1/programs/" + programId + "/input-groups" + q;
    return api.page(authed(token -> api.request(path, token).GET()), InputGroup.class);
  }

  /** One input group with its input felts. */
  public InputGroup inputGroup(long id) {
    return api.as(
        authed(token -> api.request("/api/v1/input-groups/" + id, token).GET()), InputGroup.class);
  }

  /** Cancels one input group (and its live lease); answers the group as it is now. */
  public InputGroup cancelInputGroup(long id) {
    return api.as(
        authed(
            token ->
                api.request("/api/v1/input-groups/" + id + "/cancel", token)
                    .POST(BodyPublishers.noBody())),
        InputGroup.class);
  }

  /** Cancels every unfinished input group of a program; answers how many. */
  public int cancelAllInputGroups(long programId) {
    return authed(
            token ->
                api.request("/api/v1/programs/" + programId + "/input-groups/cancel", token)
                    .POST(BodyPublishers.noBody()))
        .path("cancelled")
        .asInt();
  }

  // ---------------------------------------------------------------- results

  /** Results after {@code cursor} (0: from the start), oldest first, of one program or all. */
  public ResultFeed results(Long programId, long cursor, int limit) {
    String path =
        "/api/v1/results?after="
            + cursor
            + "&limit="
            + limit
            + (programId == null ? "" : "&program_id=" + programId);
    return api.as(authed(token -> api.request(path, token).GET()), ResultFeed.class);
  }

  /** Every result of a program (or of all programs), following the cursor. */
  public List<Result> allResults(Long programId) {
    List<Result> all = new ArrayList<>();
    long cursor = 0;
    while (true) {
      ResultFeed feed = results(programId, cursor, 500);
      all.addAll(feed.items());
      if (feed.items().isEmpty() || feed.nextCursor() == cursor) {
        return all;
      }
      cursor = feed.nextCursor();
    }
  }

  /** One result. */
  public Result result(long id) {
    return api.as(authed(token -> api.request("/api/v1/results/" + id, token).GET()), Result.class);
  }

  /** The proof file of a result, as the donor uploaded it. */
  public byte[] proof(long resultId) {
    return authedBytes(token -> api.request("/api/v1/results/" + resultId + "/proof", token).GET());
  }

  // ---------------------------------------------------------------- HTTP

  private interface RequestFactory {
    HttpRequest.Builder build(String accessToken);
  }

  private JsonNode authed(RequestFactory factory) {
    return api.data(sendAuthed(factory));
  }

  private byte[] authedBytes(RequestFactory factory) {
    HttpResponse<byte[]> r = sendAuthed(factory);
    if (r.statusCode() == 200) {
      return r.body();
    }
    throw api.error(r);
  }

  private HttpResponse<byte[]> sendAuthed(RequestFactory factory) {
    Session s = session();
    if (s.accessTokenExpiresBefore(clock.instant(), REFRESH_MARGIN_SECONDS)) {
      s = refresh(s);
    }
    HttpResponse<byte[]> r = api.send(factory.build(s.accessToken()));
    if (r.statusCode() == 403 && "INVALID_TOKEN".equals(ApiHttp.errorCode(r))) {
      s = refresh(s);
      r = api.send(factory.build(s.accessToken()));
    }
    return r;
  }

  private static byte[] readLocal(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new BadLocalInput("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
