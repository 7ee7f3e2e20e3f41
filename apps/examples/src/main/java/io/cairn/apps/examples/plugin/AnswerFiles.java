package io.cairn.apps.examples.plugin;

import io.cairn.apps.examples.ExampleApp;
import io.cairn.assimilator.ValidatedResult;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The aggregating plugin's files under one directory, per organization and program:
 *
 * <ul>
 *   <li>{@code <organization>/<program>.results}: the journal, one line per result, {@code <result
 *       id> TAB <input group name> TAB <output felts, comma-separated>}; appended and synced before
 *       the answer changes, and consulted first, so a result delivered twice (the assimilator is
 *       at-least-once) counts once;
 *   <li>{@code <organization>/<program>.answer}: the answer folded from every journal line, as
 *       {@code key=value} lines ({@code results=N}, then the app's values), replaced atomically.
 * </ul>
 *
 * <p>Writers are serialised by a lock on the journal (and a JVM-wide monitor, since file locks are
 * per process), so several assimilator threads or processes may share the directory.
 */
public final class AnswerFiles {
  private static final Object JVM_LOCK = new Object();

  private final Path directory;

  /** The files under {@code directory} (created when the first result arrives). */
  public AnswerFiles(Path directory) {
    this.directory = directory;
  }

  /** The folded answer of one program: how many results, and the app's named values. */
  public record Answer(long results, Map<String, String> values) {
    public Answer {
      values = Map.copyOf(values);
    }
  }

  /** The journal of {@code program} of {@code organization}. */
  public Path journal(String organization, String program) {
    return directory.resolve(safe(organization)).resolve(safe(program) + ".results");
  }

  /** The answer file of {@code program} of {@code organization}. */
  public Path answerFile(String organization, String program) {
    return directory.resolve(safe(organization)).resolve(safe(program) + ".answer");
  }

  /**
   * Records {@code result} unless its id is in the journal already, then rewrites the answer.
   * Returns false if it was a repeat.
   *
   * @throws IllegalArgumentException if the output is not one {@code app} writes
   */
  public boolean add(ExampleApp app, ValidatedResult result) throws IOException {
    app.aggregate(List.of(result.output())); // refuses a malformed output before it is journaled
    Path journal = journal(result.organization(), result.program());
    Files.createDirectories(journal.getParent());
    synchronized (JVM_LOCK) {
      try (FileChannel channel =
              FileChannel.open(
                  journal,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.READ,
                  StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        Map<Long, List<BigInteger>> outputs = read(journal);
        if (outputs.containsKey(result.resultId())) {
          return false;
        }
        String line =
            result.resultId()
                + "\t"
                + result.inputGroup().replaceAll("[\t\r\n]", " ")
                + "\t"
                + String.join(",", result.output().stream().map(BigInteger::toString).toList())
                + "\n";
        channel.position(channel.size());
        channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
        outputs.put(result.resultId(), result.output());
        writeAnswer(
            answerFile(result.organization(), result.program()),
            outputs.size(),
            app.aggregate(outputs.values()));
        return true;
      }
    }
  }

  /** The current answer of {@code program} of {@code organization}, if any result came in. */
  public Optional<Answer> answer(String organization, String program) throws IOException {
    Path file = answerFile(organization, program);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Map<String, String> values = new LinkedHashMap<>();
    long results = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = line.substring(0, eq);
      String value = line.substring(eq + 1);
      if (key.equals("results")) {
        results = Long.parseLong(value);
      } else {
        values.put(key, value);
      }
    }
    return Optional.of(new Answer(results, values));
  }

  private static Map<Long, List<BigInteger>> read(Path journal) throws IOException {
    Map<Long, List<BigInteger>> outputs = new LinkedHashMap<>();
    for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
      String[] fields = line.split("\t", -1);
      if (fields.length != 3) {
        continue; // a line torn by a crash before its sync: that result was not acknowledged
      }
      List<BigInteger> output = new ArrayList<>();
      for (String felt : fields[2].split(",")) {
        if (!felt.isEmpty()) {
          output.add(new BigInteger(felt));
        }
      }
      outputs.put(Long.parseLong(fields[0]), List.copyOf(output));
    }
    return outputs;
  }

  private static void writeAnswer(Path file, long results, Map<String, String> values)
      throws IOException {
    StringBuilder text = new StringBuilder("results=").append(results).append('\n');
    values.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** A name usable as one path element: letters, digits, '.', '-', '_'; others become '_'. */
  static String safe(String name) {
    String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
  }
}
