package io.cairn.apps.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Renders a page in headless Chromium ({@code /usr/bin/chromium}) and returns its DOM. */
final class HeadlessChromium {
  static final Path BINARY = Path.of("/usr/bin/chromium");

  private HeadlessChromium() {}

  static boolean available() {
    return Files.isExecutable(BINARY);
  }

  /** The page's DOM after Chromium loaded it, with a fresh profile under {@code profileDir}. */
  static String dumpDom(String url, Path profileDir) throws IOException, InterruptedException {
    Files.createDirectories(profileDir);
    Path out = profileDir.resolve("dom.html");
    Process p =
        new ProcessBuilder(
                List.of(
                    BINARY.toString(),
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--user-data-dir=" + profileDir.resolve("profile"),
                    "--dump-dom",
                    url))
            .redirectOutput(out.toFile())
            .redirectError(profileDir.resolve("chromium.log").toFile())
            .start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("chromium did not finish in 90 s; see " + profileDir);
    }
    if (p.exitValue() != 0) {
      throw new IOException(
          "chromium exited with "
              + p.exitValue()
              + ": "
              + Files.readString(profileDir.resolve("chromium.log"), StandardCharsets.UTF_8));
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
