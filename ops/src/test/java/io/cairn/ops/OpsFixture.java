package io.cairn.ops;

import io.cairn.testkit.pg.TestDatabase;
import io.cairn.testkit.pg.TestPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A fresh database and a configuration file pointing at it, plus helpers to run the ops scripts and
 * daemon child JVMs against them with this test's class path.
 */
final class OpsFixture {
  final TestDatabase database;
  final Path dir;
  final Path config;

  OpsFixture(String purpose, Path dir, String daemonsRun) throws IOException {
    this.database = TestPostgres.freshDatabase(purpose);
    this.dir = dir;
    this.config = dir.resolve("cairn.properties");
    Files.writeString(
        config,
        String.join(
            "\n",
            "data.dir=" + dir.resolve("data"),
            "db.mode=postgresql",
            "db.url=" + database.jdbcUrl(),
            "db.user=" + database.user(),
            "db.pool-size=4",
            "blob.store=local",
            "blob.local.dir=" + dir.resolve("blobs"),
            "daemons.run=" + daemonsRun,
            "daemons.transitioner.sleep=200ms",
            "daemons.housekeeping.sleep=1h",
            "daemons.feeder.segment-file=" + dir.resolve("work.segment"),
            ""),
        StandardCharsets.UTF_8);
  }

  /** The environment every child gets: configuration, var directory, class path, JDK. */
  Map<String, String> environment() {
    return Map.of(
        "CAIRN_CONFIG", config.toString(),
        "CAIRN_VAR", dir.resolve("var").toString(),
        "CAIRN_CLASSPATH", System.getProperty("java.class.path"),
        "JAVA_HOME", System.getProperty("java.home"),
        "CAIRN_DB_PASSWORD", database.password() == null ? "" : database.password(),
        "CAIRN_STOP_TIMEOUT", "20");
  }

  /** Result of a finished script. */
  record Run(int exit, String output) {}

  /** Runs {@code ops/bin/<script> args...} to completion (60 s at most). */
  Run script(String script, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of("bin", script).toAbsolutePath().toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(environment());
    Path out = Files.createTempFile(dir, script, ".out");
    pb.redirectOutput(out.toFile());
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(script + " did not finish: " + Files.readString(out));
    }
    return new Run(p.exitValue(), Files.readString(out));
  }

  /** Starts {@code CairnOps daemon <name> --instance <instance>} in a child JVM. */
  Process daemon(String name, String instance, String... jvmOptions) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "io.cairn.ops.CairnOps",
            "daemon",
            name,
            "--instance",
            instance));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(environment());
    File log = dir.resolve(name + "-" + instance + ".log").toFile();
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log));
    return pb.start();
  }
}
