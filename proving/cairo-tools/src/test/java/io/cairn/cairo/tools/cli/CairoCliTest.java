package io.cairn.cairo.tools.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cairo.tools.asm.Assembler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CairoCliTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int cairo(String... args) {
    return CairoCli.execute(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path fibonacci() throws Exception {
    Path source = dir.resolve("fib.casm");
    try (var in = getClass().getResourceAsStream("/examples/fibonacci.casm")) {
      Files.write(source, in.readAllBytes());
    }
    return source;
  }

  @Test
  void assembleThenRunThenDisassemble() throws Exception {
    Path json = dir.resolve("fib.json");
    assertEquals(0, cairo("assemble", fibonacci().toString(), "-o", json.toString()), stderr());
    assertEquals(0, cairo("run", json.toString(), "--input", "[10]"), stderr());
    assertTrue(stdout().contains("Program output:\n  55\n"), stdout());
    assertTrue(stdout().contains("Number of steps: "), stdout());
    out.reset();
    assertEquals(0, cairo("disassemble", json.toString()), stderr());
    assertEquals(
        Assembler.assemble(Files.readString(fibonacci())).data(),
        Assembler.assemble(stdout()).data());
  }

  @Test
  void runWritesTraceAndMemoryFilesAndTakesInputFromAFile() throws Exception {
    Path input = Files.writeString(dir.resolve("input.json"), "[\"0xa\"]");
    Path trace = dir.resolve("trace.bin");
    Path memory = dir.resolve("memory.bin");
    int code =
        cairo(
            "run",
            fibonacci().toString(),
            "--input-file",
            input.toString(),
            "--proof-mode",
            "--trace-file",
            trace.toString(),
            "--memory-file",
            memory.toString());
    assertEquals(0, code, stderr());
    assertTrue(stdout().contains("  55\n"), stdout());
    assertTrue(stdout().contains("Number of steps: 64"), stdout());
    assertEquals(64 * 24, Files.size(trace));
    assertEquals(0, Files.size(memory) % 40);
    byte[] firstRow = new byte[24];
    System.arraycopy(Files.readAllBytes(trace), 0, firstRow, 0, 24);
    assertArrayEquals(
        new byte[] {1, 0, 0, 0, 0, 0, 0, 0}, java.util.Arrays.copyOfRange(firstRow, 16, 24));
  }

  @Test
  void badInvocationsExitWithUsageCode() throws Exception {
    assertEquals(CairoCli.EXIT_USAGE, cairo());
    assertEquals(CairoCli.EXIT_USAGE, cairo("frobnicate"));
    assertTrue(stderr().contains("unknown command 'frobnicate'"));
    assertEquals(CairoCli.EXIT_USAGE, cairo("run", fibonacci().toString(), "--input", "[1, x]"));
    assertTrue(stderr().contains("input is not valid JSON"), stderr());
    assertEquals(CairoCli.EXIT_USAGE, cairo("run", fibonacci().toString(), "--input", "{}"));
    assertEquals(CairoCli.EXIT_USAGE, cairo("run", fibonacci().toString(), "--max-steps", "-3"));
    assertEquals(CairoCli.EXIT_USAGE, cairo("run"));
    assertEquals(CairoCli.EXIT_USAGE, cairo("run", "a.json", "--bogus"));
  }

  @Test
  void failuresExitWithFailureCodeAndAClearMessage() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.casm"), "func main {\n  jmp nowhere\n}\n");
    assertEquals(CairoCli.EXIT_FAILURE, cairo("assemble", bad.toString()));
    assertTrue(stderr().contains("bad.casm:2:3: unknown label 'nowhere'"), stderr());
    assertEquals(
        CairoCli.EXIT_FAILURE,
        cairo("run", fibonacci().toString(), "--input", "[100]", "--max-steps", "50"));
    assertTrue(stderr().contains("run failed: "), stderr());
    assertEquals(CairoCli.EXIT_FAILURE, cairo("run", dir.resolve("missing.json").toString()));
    assertTrue(stderr().contains("no such file"), stderr());
    Path notJson = Files.writeString(dir.resolve("x.json"), "not json");
    assertEquals(CairoCli.EXIT_FAILURE, cairo("disassemble", notJson.toString()));
    assertTrue(stderr().contains("not valid JSON"), stderr());
  }
}
