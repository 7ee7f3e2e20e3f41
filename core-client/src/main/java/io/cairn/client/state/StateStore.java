package io.cairn.client.state;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes one JSON document through {@link AtomicFiles}, with a header line {@code
 * cairn-state-v1 <sha256 of the JSON>} so that a truncated or corrupted copy is recognised and
 * skipped. {@link #load} returns the first valid of {@code .next}, the file itself and {@code
 * .prev}.
 *
 * @param <T> the document type (a Jackson-mappable class)
 */
public final class StateStore<T> {
  private static final Logger log = LoggerFactory.getLogger(StateStore.class);
  private static final String MAGIC = "cairn-state-v1 ";
  static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Path file;
  private final Class<T> type;

  /** A store for documents of {@code type} at {@code file}. */
  public StateStore(Path file, Class<T> type) {
    this.file = file;
    this.type = type;
  }

  /** The file. */
  public Path file() {
    return file;
  }

  /** Writes {@code document} atomically. */
  public void save(T document) throws IOException {
    byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
    byte[] header = (MAGIC + sha256Hex(json) + "\n").getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[header.length + json.length];
    System.arraycopy(header, 0, all, 0, header.length);
    System.arraycopy(json, 0, all, header.length, json.length);
    AtomicFiles.write(file, all);
  }

  /** The newest valid copy, or empty when there is none (a fresh client). */
  public Optional<T> load() {
    for (Path candidate : List.of(AtomicFiles.next(file), file, AtomicFiles.prev(file))) {
      if (!Files.exists(candidate)) {
        continue;
      }
      try {
        return Optional.of(parse(Files.readAllBytes(candidate)));
      } catch (IOException | CorruptStateException e) {
        log.warn("state copy {} is unusable ({}); trying an older one", candidate, e.getMessage());
      }
    }
    return Optional.empty();
  }

  private T parse(byte[] all) throws IOException, CorruptStateException {
    int nl = -1;
    for (int i = 0; i < Math.min(all.length, 200); i++) {
      if (all[i] == '\n') {
        nl = i;
        break;
      }
    }
    if (nl < 0) {
      throw new CorruptStateException("no header line");
    }
    String header = new String(all, 0, nl, StandardCharsets.US_ASCII);
    if (!header.startsWith(MAGIC)) {
      throw new CorruptStateException("unknown header");
    }
    byte[] json = java.util.Arrays.copyOfRange(all, nl + 1, all.length);
    if (!header.substring(MAGIC.length()).equals(sha256Hex(json))) {
      throw new CorruptStateException("checksum mismatch (truncated or corrupted)");
    }
    return JSON.readValue(json, type);
  }

  static String sha256Hex(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** A state copy that fails its checksum or format. */
  static final class CorruptStateException extends Exception {
    CorruptStateException(String message) {
      super(message);
    }
  }
}
