package io.cairn.cairo.tools.examples;

import io.cairn.cairo.tools.asm.AssembledProgram;
import io.cairn.cairo.tools.asm.Assembler;
import io.cairn.cairo.tools.asm.ProgramJsonWriter;
import io.cairn.cairo.vm.CairoRunner;
import io.cairn.cairo.vm.ExecutionResult;
import io.cairn.cairo.vm.RunConfig;
import io.cairn.cairo.vm.program.CairoProgram;
import io.cairn.math.Felt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Assembles an example from the test resources, loads it like any compiled program, runs it. */
final class ExampleRun {

  private ExampleRun() {}

  static String source(String name) throws IOException {
    try (InputStream in = ExampleRun.class.getResourceAsStream("/examples/" + name)) {
      if (in == null) {
        throw new IOException("missing test resource /examples/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static CairoProgram load(String name, Assembler.Mode mode) throws Exception {
    AssembledProgram program = Assembler.assemble(source(name), mode);
    byte[] json = ProgramJsonWriter.write(program).getBytes(StandardCharsets.UTF_8);
    return CairoProgram.load(new ByteArrayInputStream(json));
  }

  static ExecutionResult run(String name, Assembler.Mode mode, long... input) throws Exception {
    CairoProgram program = load(name, mode);
    RunConfig config = mode == Assembler.Mode.PROOF ? RunConfig.proof() : RunConfig.exec();
    List<Felt> felts = Arrays.stream(input).mapToObj(Felt::of).toList();
    return CairoRunner.run(program, config.withInput(felts));
  }

  static List<Long> output(String name, Assembler.Mode mode, long... input) throws Exception {
    return run(name, mode, input).output().stream().map(Felt::toLongExact).toList();
  }
}
