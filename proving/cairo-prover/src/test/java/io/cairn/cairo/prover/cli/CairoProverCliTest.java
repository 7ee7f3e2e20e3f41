package io.cairn.cairo.prover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cairo.tools.asm.Assembler;
import io.cairn.cairo.tools.asm.ProgramJsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end: prove, verify, statement, and the exit codes of failures. */
class CairoProverCliTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    out.reset();
    err.reset();
    return CairoProverCli.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private Path program() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/programs/fibonacci.casm")) {
      String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Path file = dir.resolve("fib.json");
      Files.writeString(
          file, ProgramJsonWriter.write(Assembler.assemble(source, Assembler.Mode.PROOF)));
      return file;
    }
  }

  @Test
  void provesVerifiesAndPrintsTheStatement() throws Exception {
    String program = program().toString();
    String proof = dir.resolve("proof.bin").toString();
    // The 100-bit preset keeps the test fast; the verifier is told to accept 100 bits.
    assertEquals(
        0,
        run(
            "prove",
            "--program",
            program,
            "--input",
            "6",
            "--lease",
            "L1",
            "--out",
            proof,
            "--security",
            "100"),
        err.toString());
    assertTrue(out.toString().contains("output: [8]"), out.toString());
    assertEquals(
        0,
        run(
            "verify",
            "--program",
            program,
            "--input",
            "6",
            "--lease",
            "L1",
            "--proof",
            proof,
            "--min-bits",
            "100"),
        out.toString());
    assertTrue(out.toString().startsWith("valid"), out.toString());
    assertEquals(
        1,
        run(
            "verify",
            "--program",
            program,
            "--input",
            "6",
            "--lease",
            "L2",
            "--proof",
            proof,
            "--min-bits",
            "100"));
    assertTrue(out.toString().startsWith("rejected: STARK_REJECTED"), out.toString());
    assertEquals(
        0,
        run("statement", "--program", program, "--input", "6", "--lease", "L1", "--proof", proof));
    assertTrue(out.toString().contains("public memory:"), out.toString());
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertEquals(2, run());
    assertEquals(2, run("frobnicate"));
    assertEquals(2, run("verify", "--program", "missing.json", "--lease", "x", "--proof", "p"));
    assertEquals(2, run("prove", "--program", "x.json"));
  }
}
