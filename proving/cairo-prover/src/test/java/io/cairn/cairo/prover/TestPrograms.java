package io.cairn.cairo.prover;

import io.cairn.cairo.air.ProvableProgram;
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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The test programs (src/test/resources/programs), assembled in proof mode by cairo-tools. */
final class TestPrograms {

  static final String LEASE = "lease-7f3a";

  private TestPrograms() {}

  /** The cairo-compile JSON of a program, assembled from its source in proof mode. */
  static byte[] json(String name) {
    return json(name, s -> s);
  }

  /** The JSON of a program whose source is first rewritten by {@code edit}. */
  static byte[] json(String name, java.util.function.UnaryOperator<String> edit) {
    try (InputStream in = TestPrograms.class.getResourceAsStream("/programs/" + name + ".casm")) {
      String source = edit.apply(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return ProgramJsonWriter.write(Assembler.assemble(source, Assembler.Mode.PROOF))
          .getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Felt> felts(long... values) {
    return Arrays.stream(values).mapToObj(Felt::of).toList();
  }

  /** Runs a program in proof mode and builds its trace. */
  static CairoTrace trace(String name, long... input) throws Exception {
    byte[] json = json(name);
    ExecutionResult run =
        CairoRunner.run(
            CairoProgram.load(new ByteArrayInputStream(json)),
            RunConfig.proof().withInput(felts(input)));
    return CairoTraceBuilder.build(ProvableProgram.fromJson(json), run, LEASE);
  }
}
