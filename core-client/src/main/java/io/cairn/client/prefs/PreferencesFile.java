package io.cairn.client.prefs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.client.state.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The preferences file, {@code global_prefs_override.json} in the state directory (BOINC's name),
 * watched by modification time: {@link #poll} returns the new preferences after the donor (or the
 * control CLI) changes it. A file that does not parse or validate is logged and ignored; the
 * previous preferences stay in force.
 */
public final class PreferencesFile {
  private static final Logger log = LoggerFactory.getLogger(PreferencesFile.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private FileTime seen;
  private Preferences current;

  /** Watches {@code file}; the preferences start as the file's, or the defaults. */
  public PreferencesFile(Path file) {
    this.file = file;
    this.current = Preferences.DEFAULTS;
    poll();
  }

  /** The preferences in force. */
  public synchronized Preferences current() {
    return current;
  }

  /** Re-reads the file if it changed; returns the preferences in force. */
  public synchronized Preferences poll() {
    try {
      if (!Files.exists(file)) {
        return current;
      }
      FileTime mtime = Files.getLastModifiedTime(file);
      if (mtime.equals(seen)) {
        return current;
      }
      seen = mtime;
      JsonNode merged =
          JSON.readerForUpdating(JSON.valueToTree(Preferences.DEFAULTS))
              .readValue(Files.readAllBytes(file));
      current = JSON.treeToValue(merged, Preferences.class);
      log.info("preferences loaded from {}: {}", file, current);
    } catch (IOException | IllegalArgumentException e) {
      log.warn("ignoring preferences file {}: {}", file, e.getMessage());
    }
    return current;
  }

  /** Writes {@code prefs} to the file (atomically) and puts them in force. */
  public synchronized void save(Preferences prefs) throws IOException {
    AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(prefs));
    seen = Files.getLastModifiedTime(file);
    current = prefs;
  }
}
