package io.cairn.orgcli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.orgcli.CliRun.Outcome;
import io.cairn.orgcli.model.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn-org} end to end against a real in-process server and PostgreSQL. */
class OrgCliServerTest {
  private static final String PASSWORD = "correct horse battery";

  private static InProcessServer server;
  private static Path collatz;

  @TempDir Path tmp;

  @BeforeAll
  static void start() throws Exception {
    server = new InProcessServer("org_cli");
    collatz = Fixtures.exampleFile(server.dir, "collatz");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private CliRun cli() {
    return new CliRun(server.url(), tmp.resolve("config/cairn/org.json"));
  }

  /** Registers a fresh organization, logs in, and returns its CLI. */
  private CliRun loggedIn() {
    CliRun cli = cli();
    String user = Fixtures.unique("org");
    ok(cli.runWithStdin(PASSWORD + "\n", "register", "-u", user, "--password-stdin", "--login"));
    return cli;
  }

  private static Outcome ok(Outcome o) {
    assertEquals(0, o.exitCode(), o::toString);
    return o;
  }

  private static Outcome fails(int exitCode, Outcome o) {
    assertEquals(exitCode, o.exitCode(), o::toString);
    assertTrue(o.err().startsWith("cairn-org"), o::toString);
    return o;
  }

  private String upload(CliRun cli, String name) {
    Outcome o =
        ok(
            cli.run(
                "--json",
                "programs",
                "upload",
                collatz.toString(),
                "--name",
                name,
                "--description",
                "longest Collatz chain",
                "--lease-timeout",
                "600",
                "--max-attempts",
                "3"));
    return Long.toString(json(o).path("id").asLong());
  }

  private static JsonNode json(Outcome o) {
    try {
      return Json.MAPPER.readTree(o.out());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + o, e);
    }
  }

  @Test
  void registerAndLoginWriteAnOwnerOnlySessionFile() throws Exception {
    CliRun cli = cli();
    String user = Fixtures.unique("alice");
    Outcome reg =
        ok(
            cli.runWithStdin(
                PASSWORD + "\n",
                "register",
                "-u",
                user,
                "--public-name",
                "Alice's Lab",
                "--description",
                "number theory",
                "--password-stdin"));
    assertTrue(reg.out().contains("registered organization '" + user + "'"), reg::toString);
    Path file = tmp.resolve("config/cairn/org.json");
    assertFalse(Files.exists(file), "register alone does not log in");

    ok(cli.runWithStdin(PASSWORD + "\n", "login", "--username", user, "--password-stdin"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    Session s = new SessionFile(file).load().orElseThrow();
    assertEquals(user, s.username());
    assertEquals(server.url(), s.server());
    assertTrue(ok(cli.run("whoami")).out().contains(user));

    // a second login replaces the file, still owner-only
    ok(cli.runWithStdin(PASSWORD + "\n", "login", "-u", user, "--password-stdin"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertNotEquals(s.refreshToken(), new SessionFile(file).load().orElseThrow().refreshToken());
  }

  @Test
  void accountErrorsHaveTheirOwnExitCodes() {
    CliRun cli = cli();
    String user = Fixtures.unique("bob");
    ok(cli.runWithStdin(PASSWORD + "\n", "register", "-u", user, "--password-stdin"));
    Outcome wrong = cli.runWithStdin("not the password\n", "login", "-u", user, "--password-stdin");
    fails(ServerErrorCode.WRONG_CREDENTIALS.exitCode(), wrong);
    assertTrue(wrong.err().contains("wrong username or password"), wrong::toString);

    Outcome again =
        cli.runWithStdin(
            PASSWORD + "\n",
            "register",
            "-u",
            user,
            "--password-stdin",
            "--name",
            Fixtures.unique("x"));
    fails(ServerErrorCode.USERNAME_ALREADY_EXISTS.exitCode(), again);
    Outcome sameOrg =
        cli.runWithStdin(
            PASSWORD + "\n",
            "register",
            "-u",
            Fixtures.unique("carol"),
            "--name",
            user,
            "--password-stdin");
    fails(ServerErrorCode.ORGANIZATION_NAME_TAKEN.exitCode(), sameOrg);
    fails(
        ExitCodes.USAGE,
        cli.runWithStdin("short\n", "register", "-u", Fixtures.unique("d"), "--password-stdin"));
    fails(ExitCodes.NOT_LOGGED_IN, cli.run("programs", "list"));
  }

  @Test
  void uploadListShowDeletePrograms() {
    CliRun cli = loggedIn();
    assertTrue(ok(cli.run("programs", "list")).out().contains("no programs yet"));
    String id = upload(cli, "collatz");
    Outcome list = ok(cli.run("programs", "list"));
    assertTrue(list.out().contains("collatz") && list.out().contains("600s"), list::toString);
    Outcome show = ok(cli.run("programs", "show", "collatz"));
    assertTrue(show.out().contains("program " + id + ": collatz"), show::toString);
    assertTrue(show.out().contains("[output, range_check]"), show::toString);

    Outcome dup = cli.run("programs", "upload", collatz.toString(), "--name", "collatz");
    fails(ServerErrorCode.PROGRAM_NAME_TAKEN.exitCode(), dup);

    fails(ExitCodes.USAGE, cli.run("programs", "delete", id));
    ok(cli.run("programs", "delete", "collatz", "--yes"));
    fails(ServerErrorCode.PROGRAM_NOT_FOUND.exitCode(), cli.run("programs", "show", id));
  }

  @Test
  void unknownProgramsAreProgramNotFound() {
    CliRun cli = loggedIn();
    Outcome byId = cli.run("programs", "show", "987654321");
    fails(ServerErrorCode.PROGRAM_NOT_FOUND.exitCode(), byId);
    assertTrue(byId.err().contains("PROGRAM_NOT_FOUND"), byId::toString);
    fails(
        ServerErrorCode.PROGRAM_NOT_FOUND.exitCode(),
        cli.run("inputs", "create", "no-such-program", "--range", "1:10", "--step", "5"));
    fails(ServerErrorCode.PROGRAM_NOT_FOUND.exitCode(), cli.run("inputs", "list", "987654321"));

    // another organization's program is unknown too
    String theirs = upload(loggedInElsewhere(), "theirs");
    fails(ServerErrorCode.PROGRAM_NOT_FOUND.exitCode(), cli.run("programs", "show", theirs));
  }

  private CliRun loggedInElsewhere() {
    CliRun other = new CliRun(server.url(), tmp.resolve("other/org.json"));
    ok(
        other.runWithStdin(
            PASSWORD + "\n",
            "register",
            "-u",
            Fixtures.unique("eve"),
            "--password-stdin",
            "--login"));
    return other;
  }

  @Test
  void inputGroupsFromFilesAndRangesListedAndCancelled() throws Exception {
    CliRun cli = loggedIn();
    String id = upload(cli, "search");
    Path csv = tmp.resolve("inputs.csv");
    Files.writeString(csv, "1,100\n\n100,200\n0x10,0x20\n");
    Outcome fromCsv = ok(cli.run("inputs", "create", id, "--file", csv.toString()));
    assertTrue(fromCsv.out().contains("created 3 input group(s)"), fromCsv::toString);

    Path jsonl = tmp.resolve("inputs.jsonl");
    Files.writeString(jsonl, "{\"input\": [\"200\", 300], \"name\": \"third\", \"priority\": 5}\n");
    ok(cli.run("inputs", "create", "search", "--file", jsonl.toString()));

    Outcome range =
        ok(cli.run("--json", "inputs", "create", id, "--range", "1000:2000", "--step", "300"));
    JsonNode created = json(range);
    assertEquals(4, created.path("created").asInt(), range::toString);

    Outcome list = ok(cli.run("--json", "inputs", "list", id, "--all"));
    JsonNode groups = json(list);
    assertEquals(8, groups.size(), list::toString);
    long rangeGroup = created.path("ids").get(3).asLong();
    JsonNode last = json(ok(cli.run("--json", "inputs", "show", Long.toString(rangeGroup))));
    assertEquals("1900:2000", last.path("name").asText());
    assertEquals("[\"1900\",\"2000\"]", last.path("input").toString());

    Outcome cancel = ok(cli.run("inputs", "cancel", Long.toString(rangeGroup)));
    assertTrue(cancel.out().contains(rangeGroup + ": CANCELLED"), cancel::toString);
    fails(
        ServerErrorCode.INPUT_GROUP_NOT_CANCELLABLE.exitCode(),
        cli.run("inputs", "cancel", Long.toString(rangeGroup)));
    fails(
        ServerErrorCode.INPUT_GROUP_NOT_FOUND.exitCode(), cli.run("inputs", "cancel", "987654321"));

    Outcome cancelled = ok(cli.run("--json", "inputs", "list", id, "--state", "cancelled"));
    assertEquals(1, json(cancelled).size(), cancelled::toString);
    Outcome table = ok(cli.run("inputs", "list", id, "--limit", "2"));
    assertTrue(table.out().contains("(2 of 8 shown"), table::toString);

    Outcome watch = ok(cli.run("watch", id, "--once"));
    assertTrue(watch.out().contains("0/8 validated"), watch::toString);
    assertTrue(
        watch.out().contains("READY 7") && watch.out().contains("CANCELLED 1"), watch::toString);

    ok(cli.run("inputs", "cancel", "--all", id));
    Outcome done = ok(cli.run("watch", id, "--interval", "1"));
    assertTrue(done.out().contains("done: 0 validated, 0 failed, 8 cancelled"), done::toString);
  }

  @Test
  void badLocalInputSendsNothing() throws Exception {
    CliRun cli = loggedIn();
    String id = upload(cli, "local");
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(bad, "1,2\n3,x\n-1,4\n");
    Outcome o =
        fails(ExitCodes.BAD_LOCAL_INPUT, cli.run("inputs", "create", id, "--file", bad.toString()));
    assertTrue(o.err().contains("line 2: column 2: 'x' is not a number"), o::toString);
    assertTrue(o.err().contains("line 3: column 1"), o::toString);
    assertTrue(ok(cli.run("inputs", "list", id)).out().contains("no input groups"));

    fails(
        ExitCodes.BAD_LOCAL_INPUT,
        cli.run("inputs", "create", id, "--file", tmp.resolve("missing.csv").toString()));
    fails(
        ExitCodes.BAD_LOCAL_INPUT,
        cli.run("inputs", "create", id, "--file", tmp.resolve("inputs.txt").toString()));
    fails(ExitCodes.USAGE, cli.run("inputs", "create", id, "--range", "10:1", "--step", "2"));
    fails(ExitCodes.USAGE, cli.run("inputs", "create", id, "--range", "10-1", "--step", "2"));
    fails(ExitCodes.USAGE, cli.run("inputs", "create", id, "--range", "1:10"));
    Path notProgram = tmp.resolve("notes.json");
    Files.writeString(notProgram, "{\"hello\": 1}");
    fails(
        ExitCodes.BAD_LOCAL_INPUT,
        cli.run("programs", "upload", notProgram.toString(), "--name", "n"));
    fails(ExitCodes.USAGE, cli.run("programs", "frobnicate"));
  }

  @Test
  void serverSideRefusalsNameTheirCode() throws Exception {
    CliRun cli = loggedIn();
    Path hinted = tmp.resolve("hinted.json");
    var program =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            Json.MAPPER.readTree(Fixtures.exampleJson("sum"));
    var hint = program.putObject("hints").putArray("0").addObject();
    hint.put("code", "import os; os.system('true')");
    hint.putArray("accessible_scopes").add("__main__");
    var tracking = hint.putObject("flow_tracking_data");
    tracking.putObject("ap_tracking").put("group", 0).put("offset", 0);
    tracking.putObject("reference_ids");
    Files.write(hinted, Json.MAPPER.writeValueAsBytes(program));
    Outcome o =
        fails(
            ServerErrorCode.INVALID_PROGRAM.exitCode(),
            cli.run("programs", "upload", hinted.toString(), "--name", "hinted"));
    assertTrue(o.err().contains("INVALID_PROGRAM"), o::toString);
    fails(
        ServerErrorCode.VALIDATION_FAILED.exitCode(),
        cli.run("programs", "upload", collatz.toString(), "--name", "x".repeat(101)));
  }

  @Test
  void resultsWhenThereAreNone() throws Exception {
    CliRun cli = loggedIn();
    String id = upload(cli, "empty");
    assertTrue(
        ok(cli.run("results", "list", id)).out().contains("no results yet for program " + id));
    assertTrue(ok(cli.run("results", "list")).out().contains("no results yet"));
    assertEquals("[ ]", ok(cli.run("--json", "results", "list", id)).out().trim());
    Outcome csv = ok(cli.run("results", "export", id, "--format", "csv"));
    assertEquals(
        "result_id,input_group_id,input_group_name,program_id,output,steps,security_bits,validated_at",
        csv.out().trim());
    assertEquals("[ ]", ok(cli.run("results", "export", id, "--format", "json")).out().trim());
    Path out = tmp.resolve("downloads");
    assertTrue(
        ok(cli.run("results", "download", id, "--out", out.toString()))
            .out()
            .contains("downloaded 0"));
    assertTrue(Files.isDirectory(out));
    fails(ExitCodes.USAGE, cli.run("results", "export", id, "--format", "xml"));
  }

  @Test
  void anExpiredAccessTokenIsRefreshedAndTheRotationSaved() throws Exception {
    CliRun cli = loggedIn();
    SessionFile file = new SessionFile(tmp.resolve("config/cairn/org.json"));
    Session s = file.load().orElseThrow();
    String expired = Fixtures.expiredAccessToken(s.userId(), s.organizationId());
    // the file still claims the token is good: the server's INVALID_TOKEN triggers the refresh
    file.save(withAccessToken(s, expired, "2999-01-01T00:00:00Z"));
    ok(cli.run("programs", "list"));
    Session after = file.load().orElseThrow();
    assertNotEquals(expired, after.accessToken());
    assertNotEquals(s.refreshToken(), after.refreshToken());

    // a token the file knows to be expired is refreshed before the call
    file.save(withAccessToken(after, expired, "2000-01-01T00:00:00Z"));
    ok(cli.run("programs", "list"));
    assertNotEquals(after.refreshToken(), file.load().orElseThrow().refreshToken());
  }

  @Test
  void concurrentRefreshesNeverSpendTheSameRefreshToken() throws Exception {
    loggedIn();
    SessionFile file = new SessionFile(tmp.resolve("config/cairn/org.json"));
    Session start = file.load().orElseThrow();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var futures = new java.util.ArrayList<java.util.concurrent.Future<Session>>();
      for (int i = 0; i < 12; i++) {
        // each thread its own client and store object over the same file, like separate processes
        futures.add(
            pool.submit(() -> new OrgClient(server.url(), new SessionFile(file.path())).refresh()));
      }
      for (var f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    Session end = file.load().orElseThrow();
    assertNotEquals(start.refreshToken(), end.refreshToken());
    ok(cli().run("programs", "list"));
    ok(cli().run("logout"));
  }

  @Test
  void aRevokedSessionAsksToLogInAgain() throws Exception {
    CliRun cli = loggedIn();
    SessionFile file = new SessionFile(tmp.resolve("config/cairn/org.json"));
    Session s = file.load().orElseThrow();
    Outcome out = ok(cli.run("logout"));
    assertTrue(out.out().contains("logged out"), out::toString);
    assertFalse(Files.exists(file.path()));
    fails(ExitCodes.NOT_LOGGED_IN, cli.run("programs", "list"));

    // the old session, with its access token expired, cannot come back
    file.save(
        withAccessToken(s, Fixtures.expiredAccessToken(s.userId(), s.organizationId()), null));
    Outcome o =
        fails(ServerErrorCode.REFRESH_TOKEN_NOT_FOUND.exitCode(), cli.run("programs", "list"));
    assertTrue(o.err().contains("login"), o::toString);
    // a forged token is refused outright
    file.save(withAccessToken(s, "not.a.jwt", null));
    fails(ServerErrorCode.REFRESH_TOKEN_NOT_FOUND.exitCode(), cli.run("programs", "list"));
  }

  @Test
  void anUnreachableServerIsAConnectionFailure() throws Exception {
    int port;
    try (var socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    CliRun cli = new CliRun("http://127.0.0.1:" + port, tmp.resolve("c.json"));
    Outcome o =
        fails(
            ExitCodes.CONNECTION,
            cli.runWithStdin(PASSWORD + "\n", "login", "-u", "someone", "--password-stdin"));
    assertTrue(o.err().contains("cannot reach the server"), o::toString);
    fails(
        ExitCodes.BAD_LOCAL_INPUT,
        new CliRun("ftp://x", tmp.resolve("c.json"))
            .runWithStdin("password\n", "login", "-u", "u", "--password-stdin"));
  }

  private static Session withAccessToken(Session s, String token, String expiresAt) {
    return new Session(
        s.server(),
        s.username(),
        s.organizationId(),
        s.userId(),
        token,
        expiresAt,
        s.refreshToken(),
        s.refreshTokenId(),
        s.refreshTokenExpiresAt());
  }
}
