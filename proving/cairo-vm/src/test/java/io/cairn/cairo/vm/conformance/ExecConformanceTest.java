package io.cairn.cairo.vm.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.cairo.vm.CairoRunner;
import io.cairn.cairo.vm.ExecutionResult;
import io.cairn.cairo.vm.RunConfig;
import io.cairn.cairo.vm.program.CairoProgram;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

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

  /** Checkpoints a hinted run (scopes, dict manager, hint segments) and resumes mid-way. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"usort", "dict_update", "memcpy_test", "compare_lesser_array", "integration"})
  void resumesFromACheckpointByteForByte(String name) throws Exception {
    Path dir = ConformanceSet.dir();
    JsonNode entry = ConformanceSet.expected().path(name);
    CairoProgram program = CairoProgram.load(dir.resolve(entry.path("file").asText()));
    List<byte[]> checkpoints = new ArrayList<>();
    RunConfig config =
        RunConfig.exec()
            .withCheckpoints(
                steps ->
                    new ByteArrayOutputStream() {
                      @Override
                      public void close() {
                        checkpoints.add(toByteArray());
                      }
                    },
                7);
    CairoRunner.run(program, config);
    assertTrue(checkpoints.size() > 2, "checkpoints taken");
    byte[] trace =
        Files.readAllBytes(
            dir.resolve(entry.path("expected").path("files").path("trace").asText()));
    byte[] memory =
        Files.readAllBytes(
            dir.resolve(entry.path("expected").path("files").path("memory").asText()));
    for (byte[] checkpoint : List.of(checkpoints.get(1), checkpoints.get(checkpoints.size() / 2))) {
      ExecutionResult resumed =
          CairoRunner.resume(program, RunConfig.exec(), new ByteArrayInputStream(checkpoint)).run();
      assertArrayEquals(
          trace, ConformanceSet.bytes(resumed::writeTrace), name + " trace after resume");
      assertArrayEquals(
          memory, ConformanceSet.bytes(resumed::writeMemory), name + " memory after resume");
    }
  }
}
