package io.cairn.apps.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.cairn.cairo.vm.CairoRunner;
import io.cairn.cairo.vm.ExecutionResult;
import io.cairn.cairo.vm.RunConfig;
import io.cairn.cairo.vm.program.CairoProgram;
import io.cairn.math.Felt;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each example app's committed program is what the assembler makes of its source now, and every one
 * of its default input groups runs in the Cairo VM (proof mode, through the input ABI) to the
 * output its Java reference computes. Proving is covered by {@link ExampleProofsTest}.
 */
class ExampleProgramsTest {

  @ParameterizedTest
  @EnumSource(ExampleApp.class)
  void committedProgramIsTheAssemblersOutput(ExampleApp app) {
    assertEquals(
        new String(app.assemble(), StandardCharsets.UTF_8),
        new String(app.compiledProgram(), StandardCharsets.UTF_8),
        "src/main/cairo/"
            + app.programName()
            + ".json is stale; regenerate it with: cairo assemble --proof-mode src/main/cairo/"
            + app.programName()
            + ".casm -o src/main/cairo/"
            + app.programName()
            + ".json");
  }

  @ParameterizedTest
  @EnumSource(ExampleApp.class)
  void everyDefaultInputGroupRunsToTheReferenceOutput(ExampleApp app) throws Exception {
    CairoProgram program = CairoProgram.load(new ByteArrayInputStream(app.compiledProgram()));
    List<List<BigInteger>> groups = app.inputGroups();
    assertFalse(groups.isEmpty());
    for (List<BigInteger> input : groups) {
      assertEquals(app.expectedOutput(input), run(program, input), app + " on " + input);
    }
  }

  static List<BigInteger> run(CairoProgram program, List<BigInteger> input) {
    ExecutionResult result =
        CairoRunner.run(
            program, RunConfig.proof().withInput(input.stream().map(Felt::of).toList()));
    return result.output().stream().map(Felt::toBigInteger).toList();
  }
}
