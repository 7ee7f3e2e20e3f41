package io.cairn.cairo.vm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.cairo.vm.CairoRunner;
import io.cairn.cairo.vm.ExecutionResult;
import io.cairn.cairo.vm.RunConfig;
import io.cairn.cairo.vm.program.CairoProgram;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the three proof-mode programs of the conformance set (10–12 M steps each, padded to 2^24)
 * and compares steps, registers, segment table and the sha256 of trace.bin and sorted memory.bin.
 * Tagged {@code slow}: each takes several seconds and about 1.5 GB of heap.
 */
@Tag("slow")
class ProofConformanceTest {

  static List<String> programs() {
    return ConformanceSet.names("proof");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void matchesExpectations(String name) throws Exception {
    Path dir = ConformanceSet.dir();
    JsonNode entry = ConformanceSet.expected().path(name);
    CairoProgram program = CairoProgram.load(dir.resolve(entry.path("file").asText()));
    long start = System.nanoTime();
    ExecutionResult result = CairoRunner.run(program, RunConfig.proof());
    long elapsed = System.nanoTime() - start;
    System.out.printf(
        "%s: %d steps in %.2f s (%.2f M steps/s)%n",
        name, result.steps(), elapsed / 1e9, result.steps() / (elapsed / 1e3));
    JsonNode exp = entry.path("expected");
    ConformanceSet.checkSummary(name, exp, result);
    assertEquals(
        exp.path("trace_sha256").asText(),
        ConformanceSet.sha256(result::writeTrace),
        name + ": trace sha256");
    assertEquals(
        exp.path("memory_sha256_sorted").asText(),
        ConformanceSet.sha256(result::writeMemory),
        name + ": memory sha256");
  }
}
