package io.cairn.cairo.vm.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.cairo.vm.CairoRunner;
import io.cairn.cairo.vm.ExecutionResult;
import io.cairn.cairo.vm.RunConfig;
import io.cairn.cairo.vm.program.CairoProgram;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every exec-mode program of the shared conformance set and compares steps, registers, output,
 * segment table, and trace.bin / memory.bin byte for byte. Skipped when the set is absent.
 */
class ExecConformanceTest {

  static List<String> programs() {
    return ConformanceSet.names("exec");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void matchesExpectations(String name) throws Exception {
    Path dir = ConformanceSet.dir();
    JsonNode entry = ConformanceSet.expected().path(name);
    CairoProgram program = CairoProgram.load(dir.resolve(entry.path("file").asText()));
    ExecutionResult result = CairoRunner.run(program, RunConfig.exec());
    JsonNode exp = entry.path("expected");
    ConformanceSet.checkSummary(name, exp, result);
    ConformanceSet.assertFileEquals(
        dir.resolve(exp.path("files").path("trace").asText()),
        ConformanceSet.bytes(result::writeTrace),
        name + " trace.bin");
    ConformanceSet.assertFileEquals(
        dir.resolve(exp.path("files").path("memory").asText()),
        ConformanceSet.bytes(result::writeMemory),
        name + " memory.bin");
  }
}
