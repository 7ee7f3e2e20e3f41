package io.cairn.cairo.tools.disasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cairn.cairo.tools.asm.Assembler;
import io.cairn.cairo.vm.program.CairoProgram;
import io.cairn.math.Felt;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Disassembles every conformance program compiled by cairo-compile and checks that assembling the
 * text gives the same bytecode. Hints become comments and do not change the bytecode, so this holds
 * for programs with hints too. Skipped when the shared folder ({@code cairn.shared.dir}) is absent.
 */
class ConformanceRoundTripTest {

  @TestFactory
  Stream<DynamicTest> everyConformanceProgramRoundTrips() throws IOException {
    String shared = System.getProperty("cairn.shared.dir");
    assumeTrue(shared != null, "cairn.shared.dir is not set");
    Path programs = Path.of(shared, "conformance", "cairo0", "programs");
    assumeTrue(Files.isDirectory(programs), "no conformance programs at " + programs);
    List<Path> files;
    try (Stream<Path> list = Files.list(programs)) {
      files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    return files.stream()
        .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> roundTrip(file)));
  }

  private static void roundTrip(Path file) throws Exception {
    CairoProgram program;
    try (InputStream in = Files.newInputStream(file)) {
      program = CairoProgram.load(in, code -> true);
    }
    String text = Disassembler.disassemble(program);
    List<BigInteger> expected = program.data().stream().map(Felt::toBigInteger).toList();
    assertEquals(expected, Assembler.assemble(text).data(), text);
    if (program.hints().isEmpty()) {
      assertEquals(0, text.lines().filter(l -> l.strip().startsWith("dw ")).count(), text);
    }
  }
}
