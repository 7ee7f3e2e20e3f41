package io.cairn.apps.examples;

import io.cairn.cairo.tools.asm.Assembler;
import io.cairn.cairo.tools.asm.ProgramJsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The example Cairn apps: each is an instruction-level Cairo 0 program (source and compiled JSON
 * under {@code src/main/cairo}, on the class path under {@code /cairo}), its default input groups
 * (one {@code a,b} range per CSV line), the expected output of any input group computed by a plain
 * Java reference, and how the results of many input groups fold into one answer.
 *
 * <p>The compiled JSON is what an organization uploads; it is the assembler's proof-mode output for
 * the source ({@code cairo assemble --proof-mode}), and a test checks it still is.
 */
public enum ExampleApp {
  /** The Collatz search: the start with the longest chain in each range, and over all ranges. */
  COLLATZ("collatz", 1) {
    @Override
    public List<BigInteger> expectedOutput(List<BigInteger> input) {
      return CollatzReference.output(input);
    }

    @Override
    public Map<String, String> aggregate(Collection<List<BigInteger>> outputs) {
      CollatzReference.Best best = CollatzReference.Best.NONE;
      for (List<BigInteger> output : outputs) {
        best = best.better(CollatzReference.Best.fromOutput(output));
      }
      Map<String, String> answer = new LinkedHashMap<>();
      answer.put("best_start", Long.toString(best.start()));
      answer.put("best_length", Long.toString(best.length()));
      return answer;
    }
  },

  /** The prime count: the number of primes in each range, and the total. */
  PRIME_COUNT("prime_count", 0) {
    @Override
    public List<BigInteger> expectedOutput(List<BigInteger> input) {
      return PrimeCountReference.output(input);
    }

    @Override
    public Map<String, String> aggregate(Collection<List<BigInteger>> outputs) {
      BigInteger total = BigInteger.ZERO;
      for (List<BigInteger> output : outputs) {
        if (output.size() != 3) {
          throw new IllegalArgumentException(
              "a prime count result has 3 felts (a, b, count), not " + output.size());
        }
        total = total.add(output.get(2));
      }
      return Map.of("prime_count", total.toString());
    }
  };

  private final String programName;
  private final long firstStart;

  ExampleApp(String programName, long firstStart) {
    this.programName = programName;
    this.firstStart = firstStart;
  }

  /** The program's name, as the demo uploads it and the plugin recognises it. */
  public String programName() {
    return programName;
  }

  /** The smallest valid range start ({@code a >= 1} for Collatz, {@code a >= 0} for primes). */
  public long firstStart() {
    return firstStart;
  }

  /** The output the program must write for {@code input}, computed in plain Java. */
  public abstract List<BigInteger> expectedOutput(List<BigInteger> input);

  /**
   * The answer over many input groups, from their outputs (order and duplicates of the same result
   * do not matter to the caller: it passes each result once), as named values.
   */
  public abstract Map<String, String> aggregate(Collection<List<BigInteger>> outputs);

  /** The app whose program is named {@code name}, matched case-insensitively. */
  public static Optional<ExampleApp> byProgramName(String name) {
    for (ExampleApp app : values()) {
      if (app.programName.equals(name.toLowerCase(Locale.ROOT))) {
        return Optional.of(app);
      }
    }
    return Optional.empty();
  }

  /** The assembly source ({@code <name>.casm}). */
  public String source() {
    return new String(resource(programName + ".casm"), StandardCharsets.UTF_8);
  }

  /** The committed compiled program ({@code <name>.json}): the bytes an organization uploads. */
  public byte[] compiledProgram() {
    return resource(programName + ".json");
  }

  /** The source assembled now, in proof mode: what {@link #compiledProgram()} must equal. */
  public byte[] assemble() {
    return ProgramJsonWriter.write(Assembler.assemble(source(), Assembler.Mode.PROOF))
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The default input groups file ({@code <name>-inputs.csv}), one {@code a,b} per line. */
  public String inputGroupsCsv() {
    return new String(resource(programName + "-inputs.csv"), StandardCharsets.UTF_8);
  }

  /** The default input groups, parsed. */
  public List<List<BigInteger>> inputGroups() {
    List<List<BigInteger>> groups = new ArrayList<>();
    for (String line : inputGroupsCsv().lines().map(String::strip).toList()) {
      if (line.isEmpty()) {
        continue;
      }
      List<BigInteger> felts = new ArrayList<>();
      for (String field : line.split(",")) {
        felts.add(new BigInteger(field.strip()));
      }
      groups.add(List.copyOf(felts));
    }
    return List.copyOf(groups);
  }

  /**
   * {@code count} consecutive ranges of {@code width} numbers from this app's first valid start:
   * {@code [s, s + width), [s + width, s + 2 width), ...}.
   */
  public List<List<BigInteger>> ranges(int count, long width) {
    if (count < 1 || width < 1) {
      throw new IllegalArgumentException("need count >= 1 and width >= 1");
    }
    List<List<BigInteger>> groups = new ArrayList<>(count);
    for (long i = 0; i < count; i++) {
      long a = firstStart + i * width;
      groups.add(List.of(BigInteger.valueOf(a), BigInteger.valueOf(a + width)));
    }
    return List.copyOf(groups);
  }

  /** Input groups as the CSV the server (and {@code cairn-org inputs add}) accepts. */
  public static String toCsv(List<List<BigInteger>> groups) {
    StringBuilder csv = new StringBuilder();
    for (List<BigInteger> group : groups) {
      csv.append(String.join(",", group.stream().map(BigInteger::toString).toList())).append('\n');
    }
    return csv.toString();
  }

  private static byte[] resource(String name) {
    try (InputStream in = ExampleApp.class.getResourceAsStream("/cairo/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing class path resource /cairo/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
