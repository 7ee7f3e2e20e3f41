package io.cairn.pg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The distribution's PostgreSQL binaries (for example Debian's {@code postgresql-15}) run as a
 * private cluster: the fallback of {@link EmbeddedPostgresServer}. As root, the server runs as the
 * {@code postgres} system user, because PostgreSQL refuses to run as root.
 */
final class SystemPostgres implements AutoCloseable {
  private final Path binDir;
  private final Path baseDir;
  private final int port;
  private final boolean deleteOnClose;
  private final boolean asRoot;

  private SystemPostgres(
      Path binDir, Path baseDir, int port, boolean deleteOnClose, boolean asRoot) {
    this.binDir = binDir;
    this.baseDir = baseDir;
    this.port = port;
    this.deleteOnClose = deleteOnClose;
    this.asRoot = asRoot;
  }

  static SystemPostgres start(Path baseDir, int requestedPort, boolean deleteOnClose) {
    Path bin = findBinaries();
    boolean root = "root".equals(System.getProperty("user.name"));
    int port = requestedPort == 0 ? freePort() : requestedPort;
    SystemPostgres pg = new SystemPostgres(bin, baseDir, port, deleteOnClose, root);
    try {
      Files.createDirectories(baseDir);
      if (root) {
        run(List.of("chown", "-R", "postgres", baseDir.toString()));
        // the parent must be traversable by the postgres user
        baseDir.getParent().toFile().setExecutable(true, false);
      }
      Path data = baseDir.resolve("data");
      if (!Files.exists(data.resolve("PG_VERSION"))) {
        pg.runAsServerUser(
            List.of(
                bin.resolve("initdb").toString(),
                "-D",
                data.toString(),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync"));
      }
      String opts =
          "-p "
              + port
              + " -k "
              + baseDir
              + " -c listen_addresses=127.0.0.1 -c max_connections=200"
              + (deleteOnClose
                  ? " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
                  : "");
      pg.runAsServerUser(
          List.of(
              bin.resolve("pg_ctl").toString(),
              "-D",
              data.toString(),
              "-l",
              baseDir.resolve("postgres.log").toString(),
              "-w",
              "-o",
              opts,
              "start"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pg;
  }

  int port() {
    return port;
  }

  @Override
  public void close() {
    try {
      runAsServerUser(
          List.of(
              binDir.resolve("pg_ctl").toString(),
              "-D",
              baseDir.resolve("data").toString(),
              "-m",
              deleteOnClose ? "immediate" : "fast",
              "stop"));
    } finally {
      if (deleteOnClose) {
        deleteRecursively(baseDir);
      }
    }
  }

  private void runAsServerUser(List<String> command) {
    List<String> full = new ArrayList<>();
    if (asRoot) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    run(full);
  }

  private static void run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(
            "command failed: " + String.join(" ", command) + "\n" + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command.get(0), e);
    }
  }

  private static Path findBinaries() {
    Path root = Path.of("/usr/lib/postgresql");
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(
              Comparator.comparingInt(
                  b -> Integer.parseInt(b.getParent().getFileName().toString())))
          .orElseThrow(() -> new IllegalStateException("no initdb under " + root));
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("no system PostgreSQL under " + root, e);
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort: a temporary directory left behind is harmless
    }
  }
}
