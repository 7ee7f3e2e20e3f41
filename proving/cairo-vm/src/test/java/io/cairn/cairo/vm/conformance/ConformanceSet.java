package io.cairn.cairo.vm.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.cairo.vm.ExecutionResult;
import io.cairn.cairo.vm.SegmentInfo;
import io.cairn.math.Felt;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The shared Cairo 0 conformance set (../shared/conformance/cairo0), when present. */
final class ConformanceSet {
  private ConformanceSet() {}

  static Path dir() {
    String shared = System.getProperty("cairn.shared.dir");
    assumeTrue(shared != null, "cairn.shared.dir is not set");
    Path dir = Path.of(shared, "conformance", "cairo0");
    assumeTrue(Files.isDirectory(dir), "conformance set not found at " + dir);
    return dir;
  }

  static JsonNode expected() throws IOException {
    return new ObjectMapper().readTree(dir().resolve("expected.json").toFile()).path("programs");
  }

  /** Names of the programs run in {@code mode} ("exec" or "proof"). */
  static List<String> names(String mode) {
    List<String> names = new ArrayList<>();
    String shared = System.getProperty("cairn.shared.dir");
    if (shared == null || !Files.isDirectory(Path.of(shared, "conformance", "cairo0"))) {
      names.add("<conformance set absent>");
      return names;
    }
    try {
      for (Iterator<Map.Entry<String, JsonNode>> it = expected().fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().path("mode").asText().equals(mode)) {
          names.add(e.getKey());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return names;
  }

  /** Checks steps, registers, output and the segment table against the entry. */
  static void checkSummary(String name, JsonNode exp, ExecutionResult r) {
    assertEquals(exp.path("steps").asLong(), r.steps(), name + ": steps");
    JsonNode regs = exp.path("final_registers");
    assertEquals(regs.path("pc").asLong(), r.finalPc(), name + ": final pc");
    assertEquals(regs.path("ap").asLong(), r.finalAp(), name + ": final ap");
    assertEquals(regs.path("fp").asLong(), r.finalFp(), name + ": final fp");
    List<String> output = new ArrayList<>();
    for (Felt f : r.output()) {
      output.add(f.toString());
    }
    List<String> expectedOutput = new ArrayList<>();
    exp.path("output").forEach(n -> expectedOutput.add(n.asText()));
    assertEquals(expectedOutput, output, name + ": output");
    List<Long> bases = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    for (SegmentInfo s : r.segments()) {
      bases.add(s.base());
      sizes.add(s.size());
    }
    List<Long> expBases = new ArrayList<>();
    exp.path("segment_bases").forEach(n -> expBases.add(n.asLong()));
    List<Long> expSizes = new ArrayList<>();
    exp.path("segment_sizes").forEach(n -> expSizes.add(n.asLong()));
    assertEquals(expBases, bases, name + ": segment bases");
    assertEquals(expSizes, sizes, name + ": segment sizes");
    JsonNode first = exp.path("first_trace_row");
    if (r.hasTrace() && !first.isMissingNode()) {
      assertEquals(first.path("pc").asLong(), r.tracePc(0), name + ": first pc");
      assertEquals(first.path("ap").asLong(), r.traceAp(0), name + ": first ap");
    }
  }

  static byte[] bytes(IoWriter writer) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    writer.write(out);
    return out.toByteArray();
  }

  static String sha256(IoWriter writer) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), md)) {
        writer.write(out);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void assertFileEquals(Path expected, byte[] actual, String what) throws IOException {
    byte[] exp = Files.readAllBytes(expected);
    assertEquals(exp.length, actual.length, what + ": length");
    assertArrayEquals(exp, actual, what + ": bytes");
  }

  /** Writes something to a stream. */
  @FunctionalInterface
  interface IoWriter {
    void write(OutputStream out) throws IOException;
  }
}
